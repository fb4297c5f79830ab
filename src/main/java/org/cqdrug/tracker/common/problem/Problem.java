package org.cqdrug.tracker.common.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json.")
public record Problem(
        @Schema(description = "URI naming the kind of problem", example = "urn:cqdrug:problem:validation") URI type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request") String title,
        @Schema(description = "HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong in this request, for a person to read",
                example = "The request has 1 invalid field") String detail,
        @Schema(description = "Path of the request that failed", format = "uri-reference", example = "/api/v1/clusters") URI instance,
        @Schema(description = "The request's id, as in its X-Request-Id answer header and its log lines: quote it when"
                + " reporting a problem", example = "2f1c6b0e-8d4a-4c57-9d0e-3a1f5b7c9e21") String requestId,
        @Schema(description = "Field-level errors, for validation problems") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path into the body, or a query or path parameter name. */
    @Schema(name = "FieldError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(
            @Schema(description = "Field path in the body, parameter name, or CSV column", example = "annualMax") String field,
            @Schema(description = "What is wrong with it", example = "must be greater than or equal to annualMin")
            String message,
            @Schema(description = "For CSV imports: the line of the bad row, the header being line 1", example = "3",
                    nullable = true) Integer line) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
