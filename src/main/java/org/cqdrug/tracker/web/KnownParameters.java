package org.cqdrug.tracker.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the query and path parameters of every API request against what its endpoint declares, before any is
 * converted, and refuses in one 400 every parameter that is unknown, repeated or not of its declared form, each
 * named with the form it must take, so that a client fixes them all in one round. The declarations are read once per
 * resource method from its {@code @QueryParam} and {@code @PathParam} parameters and the {@code @QueryParam} fields of
 * its {@code @BeanParam} parameters.
 */
public class KnownParameters {

    private static final ConcurrentHashMap<Method, Declared> DECLARED = new ConcurrentHashMap<>();

    /** The endpoint's query and path parameters, each with its type. */
    private record Declared(Map<String, Class<?>> query, Map<String, Class<?>> path) {
    }

    @TrackerApi
    @ServerRequestFilter(priority = FilterOrder.KNOWN_PARAMETERS, nonBlocking = true)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Declared declared = DECLARED.computeIfAbsent(method, KnownParameters::declared);
        List<Problem.FieldError> errors = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            Class<?> type = declared.query().get(name);
            if (type == null) {
                errors.add(new Problem.FieldError(name, "is not a parameter of this endpoint; it takes "
                        + (declared.query().isEmpty() ? "none" : String.join(", ", declared.query().keySet()))));
            } else if (values.size() > 1) {
                errors.add(new Problem.FieldError(name, "is given " + values.size() + " times; give it once"));
            } else {
                unreadable(name, values.get(0), type, errors::add);
            }
        });
        request.getUriInfo().getPathParameters().forEach((name, values) -> {
            Class<?> type = declared.path().get(name);
            if (type != null && !values.isEmpty()) {
                unreadable(name, values.get(0), type, errors::add);
            }
        });
        if (errors.size() == 1) {
            throw ApiProblem.invalid(errors.get(0).field(), errors.get(0).message());
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemType.VALIDATION, "The request has " + errors.size() + " invalid parameters: "
                    + errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", ")), errors);
        }
    }

    /** Reports the value when it is not of the form its type takes; types read from any text are not checked. */
    private static void unreadable(String name, String value, Class<?> type, Consumer<Problem.FieldError> report) {
        if (value.isEmpty()) {
            return;  // read as absent, as the page's links send an unset filter
        }
        try {
            Method reader = fromString(type);
            if (reader != null) {
                reader.invoke(null, value);
            } else if (type.isEnum()) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Object ignored = Enum.valueOf((Class<? extends Enum>) type, value);
            } else if (type == UUID.class) {
                if (value.length() != 36) {
                    throw new IllegalArgumentException();
                }
                UUID.fromString(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == Integer.class || type == int.class) {
                Integer.parseInt(value);
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(value);
            } else if (type == BigDecimal.class) {
                new BigDecimal(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            } else if (type == Boolean.class || type == boolean.class) {
                if (!"true".equals(value) && !"false".equals(value)) {
                    throw new IllegalArgumentException();
                }
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            // The type's own reader says what it takes.
            report.accept(new Problem.FieldError(name, e.getCause().getMessage() == null
                    ? "is '" + value + "', which is not " + form(type) : e.getCause().getMessage()));
        } catch (RuntimeException | ReflectiveOperationException e) {
            report.accept(new Problem.FieldError(name, "is '" + value + "', which is not " + form(type)));
        }
    }

    /** A type's own reader, as JAX-RS uses it before valueOf: a static fromString(String). */
    private static Method fromString(Class<?> type) {
        if (!type.getName().startsWith("org.cqdrug.")) {
            return null;  // the JDK's own types are read above, with the form they take named
        }
        try {
            Method method = type.getMethod("fromString", String.class);
            return java.lang.reflect.Modifier.isStatic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The kind of JSON value a body field of the type takes, with its article: "an array", "a date …". */
    static String article(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return form(type);
    }

    /** The form a value of the type is written in, as a client needs to know it. */
    static String form(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "a UUID (such as 01900000-0000-7000-8000-000000000601)";
        }
        if (type == LocalDate.class) {
            return "a date written YYYY-MM-DD (such as 2026-01-31)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number (such as 2026)";
        }
        if (type == BigDecimal.class) {
            return "a number";
        }
        if (type == Instant.class) {
            return "an instant in UTC written YYYY-MM-DDThh:mm:ssZ (such as 2026-01-31T16:00:00Z)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "text";
    }

    private static Declared declared(Method method) {
        Map<String, Class<?>> query = new TreeMap<>();
        Map<String, Class<?>> path = new TreeMap<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam param) {
                    query.put(param.value(), element(types[i]));
                } else if (annotation instanceof PathParam param) {
                    path.put(param.value(), types[i]);
                } else if (annotation instanceof BeanParam) {
                    for (Field field : types[i].getFields()) {
                        QueryParam param = field.getAnnotation(QueryParam.class);
                        if (param != null) {
                            query.put(param.value(), element(field.getType()));
                        }
                    }
                }
            }
        }
        return new Declared(query, path);
    }

    /** A list parameter's values are checked as text: its element type is erased here. */
    private static Class<?> element(Class<?> type) {
        return List.class.isAssignableFrom(type) ? String.class : type;
    }
}
