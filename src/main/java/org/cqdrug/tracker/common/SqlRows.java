package org.cqdrug.tracker.common;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Native aggregate queries and the conversions their rows need. */
public final class SqlRows {

    private SqlRows() {
    }

    @SuppressWarnings("unchecked")
    public static List<Object[]> list(EntityManager em, String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    public static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    public static int integer(Object value) {
        return ((Number) value).intValue();
    }

    public static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** A timestamp column's value as an instant, whichever type the driver gave. */
    public static java.time.Instant instant(Object value) {
        if (value == null || value instanceof java.time.Instant) {
            return (java.time.Instant) value;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** A column as the API names the field: source_url is sourceUrl. */
    public static String field(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
