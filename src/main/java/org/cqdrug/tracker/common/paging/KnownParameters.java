package org.cqdrug.tracker.common.paging;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.common.problem.ApiProblem;

/** Refuses query parameters an endpoint does not know, so that a misspelled filter is a 400, not silently ignored. */
public final class KnownParameters {

    private static final ConcurrentHashMap<Class<?>, Set<String>> NAMES = new ConcurrentHashMap<>();

    private KnownParameters() {
    }

    /** @param beans classes whose {@code @QueryParam} fields name the accepted parameters */
    public static void check(UriInfo uri, Set<String> extra, Class<?>... beans) {
        Set<String> known = new TreeSet<>(extra);
        for (Class<?> bean : beans) {
            known.addAll(NAMES.computeIfAbsent(bean, KnownParameters::names));
        }
        uri.getQueryParameters().forEach((name, values) -> {
            if (!known.contains(name)) {
                throw ApiProblem.invalid(name, "is not a parameter of this endpoint; it takes "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            if (values.size() > 1) {
                throw ApiProblem.invalid(name, "is given " + values.size() + " times; give it once");
            }
        });
    }

    private static Set<String> names(Class<?> bean) {
        Set<String> names = new TreeSet<>();
        for (Field field : bean.getFields()) {
            QueryParam param = field.getAnnotation(QueryParam.class);
            if (param != null) {
                names.add(param.value());
            }
        }
        return names;
    }
}
