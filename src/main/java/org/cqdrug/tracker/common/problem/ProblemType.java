package org.cqdrug.tracker.common.problem;

import java.net.URI;
import java.util.Locale;

/** The kinds of problem this API answers with; each is a stable URI clients can switch on. */
public enum ProblemType {
    VALIDATION(400, "Invalid request"),
    MALFORMED_BODY(400, "Malformed request body"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed for this key"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict with existing data"),
    IDEMPOTENCY_IN_PROGRESS(409, "Request with this Idempotency-Key in progress"),
    STALE_VERSION(412, "Stale version"),
    INVALID_REFERENCE(422, "Reference to a missing record"),
    RULE_VIOLATION(422, "Business rule violated"),
    IMPORT_REJECTED(422, "Import rejected"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused"),
    PRECONDITION_REQUIRED(428, "If-Match required"),
    CONTENT_TOO_LARGE(413, "Content too large"),
    RATE_LIMITED(429, "Too many requests"),
    BUSY(503, "Busy, retry"),
    DATABASE_UNAVAILABLE(503, "Database unavailable"),
    STATEMENT_TIMEOUT(503, "Database statement timed out"),
    HTTP(0, null),
    INTERNAL(500, "Internal error");

    public final int status;
    public final String title;
    public final URI uri;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
        this.uri = this.title == null ? URI.create("about:blank")
                : URI.create("urn:cqdrug:problem:" + slug(name()));
    }

    /** The URI's last part for a constant's name, the same in every default locale. */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
