package org.cqdrug.tracker.common.problem;

import java.util.List;

/** A problem raised on purpose by the application; the central mapper turns it into an RFC 9457 answer. */
public class ApiProblem extends RuntimeException {

    public final ProblemType type;
    public final List<Problem.FieldError> errors;

    /** Seconds after which a retry may succeed, sent as Retry-After; null when a retry would not help. */
    public final Long retryAfterSeconds;

    public ApiProblem(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, null);
    }

    public ApiProblem(ProblemType type, String detail, List<Problem.FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(ProblemType.NOT_FOUND, "No " + what + " with id " + id, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemType.CONFLICT, detail, null);
    }

    public static ApiProblem missingReference(String field, String what, Object id) {
        String message = "no " + what + " with id " + id;
        return new ApiProblem(ProblemType.INVALID_REFERENCE, "Field '" + field + "' refers to " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem rule(String field, String message) {
        return new ApiProblem(ProblemType.RULE_VIOLATION, field == null ? message : "Field '" + field + "' " + message,
                field == null ? null : List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(ProblemType.CONTENT_TOO_LARGE, detail, null);
    }

    /** A 400 for one field or parameter whose value breaks a rule that annotations cannot state. */
    public static ApiProblem invalid(String name, String message) {
        return new ApiProblem(ProblemType.VALIDATION, "'" + name + "' " + message,
                List.of(new Problem.FieldError(name, message)));
    }
}
