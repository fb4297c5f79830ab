package org.cqdrug.tracker.common.paging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered map of facet field names to the HQL they group on. */
public final class Facets {

    private Facets() {
    }

    public static Map<String, String> of(String... nameThenHql) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenHql.length; i += 2) {
            fields.put(nameThenHql[i], nameThenHql[i + 1]);
        }
        return Collections.unmodifiableMap(fields);
    }
}
