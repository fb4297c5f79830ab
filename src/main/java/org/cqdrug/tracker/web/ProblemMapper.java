package org.cqdrug.tracker.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.cqdrug.tracker.database.DatabaseFault;
import org.cqdrug.tracker.spreadsheet.Table;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers. Every 4xx and 5xx leaves as RFC 9457
 * {@code application/problem+json}; nothing else in the code builds error responses.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** The challenge of a 401, as RFC 6750 words it for bearer tokens. */
    public static final String CHALLENGE = "Bearer realm=\"cqdrug\"";

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        Response problem = answer(e.type, e.type.status, e.getMessage(), e.errors, uri);
        return e.retryAfterSeconds == null ? problem
                : Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds).build();
    }

    /** No key where one is required, or a key that is unknown, revoked, expired or not sent as a bearer token. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String detail = e instanceof AuthenticationFailedException
                ? "The API key is unknown, revoked or expired, or not sent as 'Authorization: Bearer <key>'"
                : "This request needs an API key: send 'Authorization: Bearer <key>'";
        return Response.fromResponse(answer(ProblemType.UNAUTHORIZED, 401, detail, null, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, jakarta.ws.rs.container.ResourceInfo resource) {
        String needed = rolesNeeded(resource);
        return answer(ProblemType.FORBIDDEN, 403, "The API key's role does not allow this request"
                + (needed == null ? "" : ": it needs a key with role " + needed), null, uri);
    }

    /** The roles the matched endpoint allows, as its @RolesAllowed names them (the method's, else its class's). */
    private static String rolesNeeded(jakarta.ws.rs.container.ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        jakarta.annotation.security.RolesAllowed allowed = resource.getResourceMethod()
                .getAnnotation(jakarta.annotation.security.RolesAllowed.class);
        if (allowed == null && resource.getResourceClass() != null) {
            allowed = resource.getResourceClass().getAnnotation(jakarta.annotation.security.RolesAllowed.class);
        }
        return allowed == null || allowed.value().length == 0 ? null : String.join(" or ", allowed.value());
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields";
        return answer(ProblemType.VALIDATION, 400, detail, errors, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    // Quarkus REST ships its own mappers for these subtypes; naming them here keeps every answer a problem.
    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && cause != null && !(cause instanceof WebApplicationException)) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; the request is what is wrong.
            return answer(ProblemType.VALIDATION, 400, "A path or query parameter has an invalid value: "
                    + parameterMessage(cause), null, uri);
        }
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", uri.getPath());
            return answer(ProblemType.INTERNAL, status, "The server failed to handle the request", null, uri);
        }
        if (status == 415) {
            return answer(ProblemType.HTTP, status, unsupported(request, uri), null, uri);
        }
        return answer(ProblemType.HTTP, status, httpDetail(e, status, uri), null, uri);
    }

    private static String unsupported(HttpServerRequest request, UriInfo uri) {
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        java.util.Set<String> accepted = AcceptedBodies.at(request.method().name(), uri.getRequestUri().getRawPath());
        return (sent == null ? "The request names no Content-Type" : "Content-Type " + sent + " is not accepted here")
                + (accepted.isEmpty() ? "" : "; " + request.method().name() + " " + uri.getRequestUri().getRawPath()
                        + " takes " + String.join(" or ", accepted));
    }

    /**
     * A spreadsheet export that failed after its first bytes left has already answered 200: the only honest signal left is
     * a broken connection, which the export made, so the client sees a truncated transfer rather than a short file
     * that looks complete. One that failed before anything left answers a problem like any other request.
     */
    @ServerExceptionMapper
    public Response exportAborted(Table.ExportAborted e, HttpServerRequest request, UriInfo uri) {
        if (!request.response().headWritten()) {
            return unexpected(e.getCause(), uri);
        }
        if (e.clientGone) {
            LOG.debugf("The client of %s stopped reading before the export ended", uri.getPath());
        } else {
            LOG.errorf(e.getCause(), "Request %s failed after its answer started; the transfer was broken off", uri.getPath());
        }
        return Response.serverError().build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(Throwable e, UriInfo uri) {
        // Named by the SQLSTATE wherever it lies in the chain, before any wrapper's type is taken for the fault.
        java.util.Optional<DatabaseFault> fault = DatabaseFault.find(e);
        if (fault.isPresent()) {
            return databaseFault(fault.get(), rootFault(e), e, uri);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return databaseConstraint(violation, uri);
            }
            if (t instanceof org.hibernate.exception.DataException data) {
                return answer(ProblemType.VALIDATION, 400, "A value cannot be stored (" + data.getSQLState()
                        + "): check for characters such as NUL and for out-of-range dates or numbers", null, uri);
            }
            if (t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                LOG.warnf(e, "Request %s collided with a concurrent write", uri.getPath());
                return retryAfter(answer(ProblemType.BUSY, 503,
                        "The request collided with a concurrent write and was rolled back; retry it", null, uri), "1");
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return answer(ProblemType.STALE_VERSION, 412,
                        "The record was changed by another request at the same time; read it again and retry", null, uri);
            }
            if (t instanceof ApiProblem problem) {
                return apiProblem(problem, uri);
            }
            if (t instanceof ConstraintViolationException violation) {
                return beanValidation(violation, uri);
            }
        }
        LOG.errorf(e, "Request %s failed", uri.getPath());
        return answer(ProblemType.INTERNAL, 500, "The server failed to handle the request", null, uri);
    }

    /**
     * An outage is expected and says all in its message, so it is logged without a stack trace; the others are
     * logged with theirs, since a collision that outlived its retries, a lock held too long or a statement that ran
     * too long each point at something to look into.
     */
    private Response databaseFault(DatabaseFault fault, Throwable cause, Throwable e, UriInfo uri) {
        return switch (fault) {
            case OUTAGE -> {
                LOG.warnf("Request %s found the database unavailable: %s", uri.getPath(), cause.getMessage());
                yield retryAfter(answer(ProblemType.DATABASE_UNAVAILABLE, 503,
                        "The database cannot be reached just now; retry shortly", null, uri),
                        DatabaseFault.RETRY_AFTER_SECONDS);
            }
            case CONFLICT -> {
                LOG.warnf(e, "Request %s collided with a concurrent transaction, also when run again", uri.getPath());
                yield retryAfter(answer(ProblemType.BUSY, 503,
                        "The request collided with a concurrent write and was rolled back; retry it", null, uri), "1");
            }
            case LOCK_TIMEOUT -> {
                LOG.warnf(e, "Request %s waited too long for a lock", uri.getPath());
                yield retryAfter(answer(ProblemType.BUSY, 503, "The request waited too long for a record that another"
                        + " write holds (a long import, say) and was rolled back; retry it", null, uri), "2");
            }
            case STATEMENT_TIMEOUT -> {
                LOG.warnf(e, "Request %s ran a statement past the database's statement timeout", uri.getPath());
                yield retryAfter(answer(ProblemType.STATEMENT_TIMEOUT, 503, "The database took too long over this"
                        + " request and cancelled it; nothing was changed. Retry later, or ask for less", null, uri), "5");
            }
        };
    }

    /** The exception that names the fault, for its message. */
    private static Throwable rootFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (DatabaseFault.of(t).isPresent()) {
                return t;
            }
        }
        return e;
    }

    private static Response retryAfter(Response problem, String seconds) {
        return Response.fromResponse(problem).header("Retry-After", seconds).build();
    }

    /** The database backs up every rule the services check first; a clash that slips past them lands here. */
    private Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        return switch (e.getKind()) {
            case UNIQUE -> answer(ProblemType.CONFLICT, 409, ConstraintMessages.unique(constraint), null, uri);
            case FOREIGN_KEY -> answer(ProblemType.CONFLICT, 409, ConstraintMessages.foreignKey(constraint), null, uri);
            default -> answer(ProblemType.RULE_VIOLATION, 422,
                    "The data breaks the rule '" + constraint + "' of the record", null, uri);
        };
    }

    private Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !(e instanceof com.fasterxml.jackson.core.JsonParseException)) {
            String field = pathOf(mapping);
            String message = mappingMessage(mapping);
            String detail = field.isEmpty() ? "The request body " + message : "Field '" + field + "' " + message;
            return answer(ProblemType.VALIDATION, 400, detail,
                    List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)), uri);
        }
        String location = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return answer(ProblemType.MALFORMED_BODY, 400, "The request body is not valid JSON" + location, null, uri);
    }

    private static String mappingMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a known property" + (unknown.getKnownPropertyIds() == null ? ""
                    : "; known properties are " + unknown.getKnownPropertyIds().stream()
                            .map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "has value '" + format.getValue() + "', which is not one of "
                        + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            }
            return "has value '" + format.getValue() + "', which is not a valid " + typeName(target);
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "must be " + article(typeName(mismatch.getTargetType()));
        }
        return "cannot be read";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "UUID" -> "UUID";
            case "int", "Integer", "long", "Long" -> "whole number";
            case "BigDecimal", "double", "Double" -> "number";
            case "String" -> "string";
            case "boolean", "Boolean" -> "boolean";
            case "List", "Set" -> "array";
            default -> type.isEnum() ? "enum value" : "object";
        };
    }

    private static String article(String noun) {
        return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 || noun.startsWith("UUID") ? "an " : "a ") + noun;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Drops the Java method and parameter names that Bean Validation puts in front of a body field. */
    private static String fieldOf(Path path) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || (node.getKind() == ElementKind.PARAMETER && !last)
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getName() == null || node.getName().isEmpty()) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String parameterMessage(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof java.time.format.DateTimeParseException parse) {
            return "'" + parse.getParsedString() + "' is not a date (YYYY-MM-DD)";
        }
        if (message.startsWith("No enum constant ")) {
            String qualified = message.substring("No enum constant ".length());
            int dot = qualified.lastIndexOf('.');
            try {
                Object[] allowed = Class.forName(qualified.substring(0, dot)).getEnumConstants();
                return "'" + qualified.substring(dot + 1) + "' is not one of "
                        + Arrays.stream(allowed).map(Object::toString).collect(Collectors.joining(", "));
            } catch (ClassNotFoundException | RuntimeException e) {
                return "'" + qualified.substring(dot + 1) + "' is not an allowed value";
            }
        }
        if (message.startsWith("Invalid UUID string: ")) {
            return "'" + message.substring(21) + "' is not a UUID";
        }
        return message;
    }

    private static String httpDetail(WebApplicationException e, int status, UriInfo uri) {
        return switch (status) {
            case 404 -> "Nothing is served at " + uri.getRequestUri().getRawPath();
            case 405 -> "This method is not allowed on " + uri.getRequestUri().getRawPath();
            case 406 -> "None of the media types in Accept can be served here";
            default -> e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        };
    }

    private static Response answer(ProblemType type, int status, String detail, List<Problem.FieldError> errors,
            UriInfo uri) {
        String title = type.title != null ? type.title : reason(status);
        // The path as sent, still percent-encoded: decoded, a path such as /clusters/a%20b is not a URI.
        Problem problem = new Problem(type.uri, title, status, detail, URI.create(uri.getRequestUri().getRawPath()),
                RequestIds.current(), errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

}
