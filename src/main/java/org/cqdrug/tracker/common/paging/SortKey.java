package org.cqdrug.tracker.common.paging;

/**
 * A field a list can be sorted by: its API name, a never-null HQL expression over the entity alias {@code e}, and
 * the Java type of its values (to read them back from a cursor).
 */
public record SortKey(String name, String hql, Class<?> type) {

    public static SortKey of(String name, String hql, Class<?> type) {
        return new SortKey(name, hql, type);
    }
}
