package org.cqdrug.tracker.common.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Filter conditions in HQL over the entity alias {@code e}, with their named parameters. */
public final class Criteria {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code condition} when {@code value} is present; the condition names it as {@code :name}. */
    public Criteria when(Object value, String name, String condition) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    public Criteria add(String condition) {
        conditions.add(condition);
        return this;
    }

    String where(List<String> more) {
        List<String> all = new ArrayList<>(conditions);
        all.addAll(more);
        return all.isEmpty() ? "" : " where " + String.join(" and ", all.stream().map(c -> "(" + c + ")").toList());
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** Escapes a user's text for a LIKE pattern that finds it anywhere, case-insensitively. */
    public static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
