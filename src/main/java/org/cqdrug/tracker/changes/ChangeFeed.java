package org.cqdrug.tracker.changes;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.changes.mapping.Change;
import org.cqdrug.tracker.changes.mapping.ChangePage;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.common.paging.Cursors;
import org.cqdrug.tracker.common.problem.ApiProblem;

/**
 * Every change of the tracked data after a revision, across all resources, in commit order, from the audit tables.
 * Revision numbers are drawn in commit order (V7__audit_history.sql), so a client that polls with the highest
 * revision it has seen never skips a change: a revision is visible only once every lower one is settled.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeFeed {

    private static final String SORT = "changes";

    /** The audited tables as the API names them, with the path of a row. */
    private static final String CHANGED_ROWS = String.join(" union all ",
            row("cluster_aud", "clusters", "'/api/v1/clusters/' || id"),
            row("organization_aud", "organizations", "'/api/v1/organizations/' || id"),
            row("candidate_aud", "candidates", "'/api/v1/candidates/' || id"),
            row("milestone_aud", "milestones", "'/api/v1/candidates/' || candidate_id || '/milestones/' || id"),
            row("approval_aud", "approvals", "'/api/v1/approvals/' || id"),
            row("target_aud", "targets", "'/api/v1/targets/' || id"),
            row("collaboration_aud", "collaborations", "'/api/v1/collaborations/' || id"));

    private static final HistoryEntry.Operation[] OPERATIONS = {HistoryEntry.Operation.CREATED,
            HistoryEntry.Operation.UPDATED, HistoryEntry.Operation.DELETED};

    private final EntityManager em;

    public ChangeFeed(EntityManager em) {
        this.em = em;
    }

    private static String row(String table, String resource, String path) {
        return "select rev, '" + resource + "' as resource, id, " + path + " as path, revtype from " + table
                + " where rev > :since";
    }

    public ChangePage after(long since, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("since", since);
        String after = "";
        List<String> position = Cursors.decode(cursor, SORT + ":" + since, 3);
        if (position != null) {
            after = " where (x.rev, x.resource, x.id) > (:afterRevision, :afterResource, :afterId)";
            try {
                params.put("afterRevision", Long.parseLong(position.get(0)));
                params.put("afterResource", position.get(1));
                params.put("afterId", UUID.fromString(position.get(2)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor issued by this API; use nextCursor from a previous page");
            }
        }
        // The highest revision first: anything committed after this read waits for the next poll.
        long latest = SqlRows.count(em.createNativeQuery("select coalesce(max(id), 0) from revision").getSingleResult());
        params.put("latest", latest);
        String sql = "select x.rev, r.changed_at, r.author, x.resource, x.id, x.path, x.revtype from (" + CHANGED_ROWS
                + ") x join revision r on r.id = x.rev" + (after.isEmpty() ? " where" : after + " and")
                + " x.rev <= :latest order by x.rev, x.resource, x.id limit " + (limit + 1);
        List<Object[]> rows = SqlRows.list(em, sql, params);
        List<Change> items = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(new Change(SqlRows.count(row[0]), instant(row[1]), (String) row[2], (String) row[3],
                    (UUID) row[4], (String) row[5], OPERATIONS[SqlRows.integer(row[6])]));
        }
        String next = null;
        if (rows.size() > limit) {
            Change last = items.get(items.size() - 1);
            next = Cursors.encode(SORT + ":" + since, List.of(Long.toString(last.revision()), last.resource(),
                    last.id().toString()));
        }
        return new ChangePage(items, next, latest);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
