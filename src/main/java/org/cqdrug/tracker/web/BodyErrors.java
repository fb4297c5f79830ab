package org.cqdrug.tracker.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.quarkus.arc.Arc;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.common.problem.ProblemType;

/**
 * Every error of a JSON body in one answer: while a body is read, a value of the wrong form (an unknown enum constant,
 * a date that is not one, text for a number) or an unknown property is noted and read as absent instead of ending the
 * read, and once it is read, the noted errors and the body's validation errors are answered together (400), so that
 * a client fixes them in one round. Outside a body being read, Jackson fails as usual.
 */
@Provider
public class BodyErrors implements ReaderInterceptor {

    private static final ThreadLocal<List<Problem.FieldError>> NOTED = new ThreadLocal<>();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        return read(context::proceed);
    }

    /** What reads a body: the interceptor's chain, or a merge patch's conversion. */
    public interface Read<T> {
        T get() throws IOException;
    }

    /** Reads a body noting its errors, then answers them with its validation errors, or the body when there are none. */
    public static <T> T read(Read<T> read) throws IOException {
        if (NOTED.get() != null) {
            return read.get();
        }
        List<Problem.FieldError> noted = new ArrayList<>();
        NOTED.set(noted);
        T body;
        try {
            body = read.get();
        } finally {
            NOTED.remove();
        }
        if (noted.isEmpty() || body == null) {
            return body;
        }
        Set<String> unreadable = noted.stream().map(Problem.FieldError::field).collect(Collectors.toSet());
        List<Problem.FieldError> errors = new ArrayList<>(noted);
        Validator validator = Arc.container().instance(Validator.class).get();
        for (ConstraintViolation<T> violation : validator.validate(body)) {
            String field = violation.getPropertyPath().toString();
            // A value that could not be read is absent now; "must not be null" would only repeat that.
            if (!unreadable.contains(field)) {
                errors.add(new Problem.FieldError(field.isEmpty() ? "body" : field, violation.getMessage()));
            }
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        throw new ApiProblem(ProblemType.VALIDATION, errors.size() == 1
                ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields", errors);
    }

    private static boolean noting() {
        return NOTED.get() != null;
    }

    private static void note(JsonParser parser, String message) {
        NOTED.get().add(new Problem.FieldError(path(parser.getParsingContext()), message));
    }

    private static String path(JsonStreamContext context) {
        java.util.Deque<JsonStreamContext> chain = new java.util.ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            chain.push(at);
        }
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext at : chain) {
            if (at.inArray()) {
                out.append('[').append(at.getCurrentIndex()).append(']');
            } else if (at.getCurrentName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(at.getCurrentName());
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    /** Notes the errors while a body is read; registered on the application's ObjectMapper. */
    @Singleton
    public static class Noting extends DeserializationProblemHandler implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.addHandler(this);
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value,
                String failure) {
            if (!noting()) {
                return NOT_HANDLED;
            }
            note(context.getParser(), "is '" + value + "', which is not " + KnownParameters.form(type));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> type, Number value,
                String failure) {
            if (!noting()) {
                return NOT_HANDLED;
            }
            note(context.getParser(), "is " + value + ", which is not " + KnownParameters.form(type));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, com.fasterxml.jackson.databind.JavaType type,
                com.fasterxml.jackson.core.JsonToken token, JsonParser parser, String failure) throws IOException {
            if (!noting()) {
                return NOT_HANDLED;
            }
            note(parser, "must be " + KnownParameters.article(type.getRawClass()));
            parser.skipChildren();
            return null;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object bean, String property) throws IOException {
            if (!noting()) {
                return false;
            }
            Collection<Object> known = deserializer.getKnownPropertyNames();
            String at = path(parser.getParsingContext());
            String field = at.endsWith(property) ? at : at.equals("body") ? property : at + "." + property;
            NOTED.get().add(new Problem.FieldError(field, "is not a known property" + (known == null ? ""
                    : "; known properties are " + known.stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")))));
            parser.skipChildren();
            return true;
        }
    }
}
