package org.cqdrug.tracker.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The media types each endpoint takes as a body, read once from the resource classes, so that a 415 names the one
 * to send (a merge patch is {@code application/merge-patch+json}, not {@code application/json}).
 */
final class AcceptedBodies {

    private record Endpoint(String method, Pattern path, List<String> types) {
    }

    private static volatile List<Endpoint> endpoints;

    private AcceptedBodies() {
    }

    /** The media types the endpoint at the method and path takes, in declaration order; empty when none is known. */
    static Set<String> at(String method, String path) {
        Set<String> types = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method().equals(method) && endpoint.path().matcher(path).matches()) {
                types.addAll(endpoint.types());
            }
        }
        return types;
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> known = endpoints;
        if (known == null) {
            known = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null || !type.isAnnotationPresent(TrackerApi.class)) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                            : type.getAnnotation(Consumes.class);
                    String verb = verb(method);
                    if (consumes != null && verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        known.add(new Endpoint(verb, template(root.value() + (sub == null ? "" : "/" + sub.value())),
                                List.of(consumes.value())));
                    }
                }
            }
            endpoints = known;
        }
        return known;
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template as a pattern: each {name} (or {name: regex}) stands for one segment. */
    private static Pattern template(String path) {
        String normalised = ("/" + path).replaceAll("/+", "/").replaceAll("/$", "");
        StringBuilder regex = new StringBuilder();
        for (String part : normalised.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
