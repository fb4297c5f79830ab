package org.cqdrug.tracker.indicator.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Native aggregate queries and the conversions their rows need. */
final class SqlRows {

    private SqlRows() {
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> list(EntityManager em, String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    static LocalDate date(Object value) {
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

    static int integer(Object value) {
        return ((Number) value).intValue();
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }
}
