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

    /** The rows of a resource's audit table changed after {@code :since}, with their paths. */
    private static String changedRows(ApiResource resource) {
        return "select rev, '" + resource.feedName() + "' as resource, id, " + resource.feedPath
                + " as path, revtype from " + resource.table + "_aud where rev > :since";
    }

    /**
     * The columns a revision changed: those whose value differs from the row's previous revision (for a creation,
     * those it set), comma-separated; none for a deletion.
     */
    private static String changedColumns(ApiResource resource) {
        String audit = resource.table + "_aud";
        // changed_columns (V18) is the one statement of what a revision changed; the events use it too
        return "(select nullif(array_to_string(changed_columns(to_jsonb(cur), (select to_jsonb(p) from " + audit
                + " p where p.id = cur.id and p.rev < cur.rev order by p.rev desc limit 1)), ','), '') from " + audit
                + " cur where cur.rev = x.rev and cur.id = x.id and cur.revtype <> 2)";
    }

    private final EntityManager em;

    public ChangeRepository(EntityManager em) {
        this.em = em;
    }

    /** The highest revision committed so far. */
    public long latestRevision() {
        return SqlRows.count(em.createNativeQuery("select coalesce(max(id), 0) from revision").getSingleResult());
    }

    /** When a revision was committed; null for none. */
    public java.time.Instant changedAt(long revision) {
        List<Object[]> rows = SqlRows.list(em, "select changed_at, id from revision where id = :id",
                Map.of("id", revision));
        if (rows.isEmpty()) {
            return null;
        }
        Object value = rows.get(0)[0];
        return value instanceof java.time.Instant instant ? instant
                : value instanceof java.time.OffsetDateTime time ? time.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    /** Where a page of the feed ended: the last change's revision, resource and id. */
    public record Position(long revision, String resource, UUID id) {
    }

    /**
     * Up to {@code limit} changes of the resources after revision {@code since} and up to {@code latest}, in
     * (revision, resource, id) order, strictly after {@code after} when given: rows of revision, changed-at, author,
     * resource, id, path, Envers' revision type and the changed columns.
     */
    public List<Object[]> changes(List<ApiResource> resources, long since, long latest, Position after, int limit) {
        return query(resources, since, latest, after, limit, "");
    }

    /** The newest {@code limit} changes of the resources after {@code since} and up to {@code latest}, newest first. */
    public List<Object[]> newest(List<ApiResource> resources, long since, long latest, int limit) {
        return query(resources, since, latest, null, limit, " desc");
    }

    private List<Object[]> query(List<ApiResource> resources, long since, long latest, Position after, int limit,
            String direction) {
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
        String rows = resources.stream().map(ChangeRepository::changedRows).collect(Collectors.joining(" union all "));
        String changed = resources.stream()
                .map(resource -> " when '" + resource.feedName() + "' then " + changedColumns(resource))
                .collect(Collectors.joining("", "case x.resource", " end"));
        // The changed columns are worked out for the page only, after it is cut.
        String sql = "select x.rev, x.changed_at, x.author, x.resource, x.id, x.path, x.revtype, " + changed
                + " from (select x.*, r.changed_at, r.author from (" + rows + ") x join revision r on r.id = x.rev"
                + " where" + from + " x.rev <= :latest order by x.rev" + direction + ", x.resource" + direction + ", x.id"
                + direction + " limit " + limit + ") x order by x.rev" + direction + ", x.resource" + direction + ", x.id"
                + direction;
        return SqlRows.list(em, sql, params);
    }
}
