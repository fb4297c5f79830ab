package org.cqdrug.tracker.common.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import org.cqdrug.tracker.common.TrackedEntity;

/**
 * Keyset paging over time-ordered ids: each page starts strictly after the last id of the previous one,
 * so rows added while a client pages are neither skipped nor repeated, and a deep page costs what page 1 does.
 */
public final class Keyset {

    /** Runs a query restricted by {@code condition} (which uses the named parameters given) in id order. */
    @FunctionalInterface
    public interface Finder<E> {
        PanacheQuery<E> find(String condition, Sort sort, Parameters parameters);
    }

    private Keyset() {
    }

    public static <E extends TrackedEntity, D> Page<D> page(PageParams params, Finder<E> finder, Function<E, D> view) {
        UUID after = Cursors.decode(params.cursor);
        List<E> rows = after == null
                ? finder.find("1 = 1", Sort.by("id"), new Parameters()).range(0, params.limit).list()
                : finder.find("id > :after", Sort.by("id"), Parameters.with("after", after)).range(0, params.limit).list();
        boolean more = rows.size() > params.limit;
        List<E> shown = more ? rows.subList(0, params.limit) : rows;
        String next = more ? Cursors.encode(shown.get(shown.size() - 1).id) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
