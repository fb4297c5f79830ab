package org.cqdrug.tracker.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, on every API endpoint, a query parameter the endpoint does not declare or one given twice, so that a
 * misspelled filter is a 400 rather than silently ignored. The accepted names are read once per resource method from
 * its {@code @QueryParam} parameters and the {@code @QueryParam} fields of its {@code @BeanParam} parameters.
 */
public class KnownParameters {

    private static final ConcurrentHashMap<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @TrackerApi
    @ServerRequestFilter(priority = FilterOrder.KNOWN_PARAMETERS)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known = DECLARED.computeIfAbsent(method, KnownParameters::declared);
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (!known.contains(name)) {
                throw ApiProblem.invalid(name, "is not a parameter of this endpoint; it takes "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            if (values.size() > 1) {
                throw ApiProblem.invalid(name, "is given " + values.size() + " times; give it once");
            }
        });
    }

    private static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                } else if (annotation instanceof BeanParam) {
                    for (Field field : types[i].getFields()) {
                        QueryParam query = field.getAnnotation(QueryParam.class);
                        if (query != null) {
                            names.add(query.value());
                        }
                    }
                }
            }
        }
        return names;
    }
}
