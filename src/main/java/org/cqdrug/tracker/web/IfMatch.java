package org.cqdrug.tracker.web;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.ws.rs.core.HttpHeaders;
import org.cqdrug.tracker.common.TrackedEntity;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.ProblemType;

/**
 * The precondition every change of a row carries: the row's strong ETag, its version, as read by the client. A
 * change without one is refused (428), so that no client overwrites by forgetting; one whose tag is not the row's
 * current one is refused (412) and writes nothing. Two writers holding the same tag cannot both pass: the version is
 * checked again by the database when the row is written.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    /** RFC 9110's If-Match: {@code *}, or entity tags (optionally weak), each in double quotes, comma-separated. */
    private static final java.util.regex.Pattern SYNTAX = java.util.regex.Pattern.compile(
            "\\*|(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"(\\s*,\\s*(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\")*");

    private final String header;

    private IfMatch(String header) {
        this.header = header;
    }

    public static IfMatch of(HttpHeaders headers) {
        return new IfMatch(headers.getHeaderString(HEADER));
    }

    /** The strong ETag of a row at a version. */
    public static String tag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Passes when the header names the row's current tag (or is {@code *}) and a version sent in the body, if any,
     * is the current one too.
     */
    public void check(TrackedEntity row, Long bodyVersion, String what) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(ProblemType.PRECONDITION_REQUIRED, "Changing a " + what + " needs If-Match with the"
                    + " ETag you read (GET it first: its ETag is " + tag(row.version) + ")", null);
        }
        if (!SYNTAX.matcher(header.trim()).matches()) {
            throw ApiProblem.invalid(HEADER, "is '" + header.trim() + "', which is not an entity tag: send * or the"
                    + " ETag as read, in double quotes (If-Match: " + tag(row.version) + " for this " + what + "),"
                    + " several separated by commas");
        }
        if (!matches(tag(row.version))) {
            throw stale(row, what, "If-Match named " + header.trim());
        }
        if (bodyVersion != null && bodyVersion != row.version) {
            throw stale(row, what, "the body's version is " + bodyVersion);
        }
    }

    /**
     * Deletes a found row once the precondition holds, flushing so that the database's refusal (a row still referring
     * to it, answered 409) happens here; answers whether there was a row.
     */
    public boolean delete(Optional<? extends TrackedEntity> found, String what) {
        found.ifPresent(row -> {
            check(row, null, what);
            row.delete();
            Panache.getEntityManager(row.getClass()).flush();
        });
        return found.isPresent();
    }

    private boolean matches(String current) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static ApiProblem stale(TrackedEntity row, String what, String sent) {
        return new ApiProblem(ProblemType.STALE_VERSION, "The " + what + " " + row.id + " is at version "
                + row.version + " (ETag " + tag(row.version) + ") but " + sent + "; read it again and retry", null);
    }
}
