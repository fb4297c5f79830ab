package org.cqdrug.tracker.changes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.registry.ApiResource;

/**
 * The audit tables read as one stream of changes: for each resource the registry puts in the feed, every revision
 * of every row after a given one, with the row's path.
 */
@ApplicationScoped
public class ChangeRepository {

    private static final String CHANGED_ROWS = ApiResource.inFeed().stream()
            .map(resource -> "select rev, '" + resource.feedName() + "' as resource, id, " + resource.feedPath
                    + " as path, revtype from " + resource.table + "_aud where rev > :since")
            .collect(Collectors.joining(" union all "));

    private final EntityManager em;

    public ChangeRepository(EntityManager em) {
        this.em = em;
    }

    /** The highest revision committed so far. */
    public long latestRevision() {
        return SqlRows.count(em.createNativeQuery("select coalesce(max(id), 0) from revision").getSingleResult());
    }

    /** Where a page of the feed ended: the last change's revision, resource and id. */
    public record Position(long revision, String resource, UUID id) {
    }

    /**
     * Up to {@code limit} changes after revision {@code since} and up to {@code latest}, in (revision, resource, id)
     * order, strictly after {@code after} when given: rows of revision, changed-at, author, resource, id, path and
     * Envers' revision type.
     */
    public List<Object[]> changes(long since, long latest, Position after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("since", since);
        params.put("latest", latest);
        String from = "";
        if (after != null) {
            from = " (x.rev, x.resource, x.id) > (:afterRevision, :afterResource, :afterId) and";
            params.put("afterRevision", after.revision());
            params.put("afterResource", after.resource());
            params.put("afterId", after.id());
        }
        String sql = "select x.rev, r.changed_at, r.author, x.resource, x.id, x.path, x.revtype from (" + CHANGED_ROWS
                + ") x join revision r on r.id = x.rev where" + from
                + " x.rev <= :latest order by x.rev, x.resource, x.id limit " + limit;
        return SqlRows.list(em, sql, params);
    }
}
