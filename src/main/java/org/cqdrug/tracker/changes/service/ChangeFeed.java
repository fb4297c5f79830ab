package org.cqdrug.tracker.changes.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.changes.ChangeRepository;
import org.cqdrug.tracker.changes.mapping.Change;
import org.cqdrug.tracker.changes.mapping.ChangePage;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.common.paging.Cursors;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.registry.ApiResource;

/**
 * Every change of the tracked data after a revision, across all resources, in commit order, from the audit tables.
 * Revision numbers are drawn in commit order (V7__audit_history.sql), so a client that polls with the highest
 * revision it has seen never skips a change: a revision is visible only once every lower one is settled.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeFeed {

    private static final String SORT = "changes";

    private static final HistoryEntry.Operation[] OPERATIONS = {HistoryEntry.Operation.CREATED,
            HistoryEntry.Operation.UPDATED, HistoryEntry.Operation.DELETED};

    private final ChangeRepository changes;

    public ChangeFeed(ChangeRepository changes) {
        this.changes = changes;
    }

    /**
     * The changes after a revision, of the resources named by their feed names (all when none is named), one page
     * from the cursor on.
     */
    public ChangePage after(String resourceNames, long since, String cursor, int limit) {
        List<ApiResource> resources = resources(resourceNames);
        String context = SORT + ":" + since + ":" + resources.stream().map(ApiResource::feedName)
                .collect(Collectors.joining(","));
        ChangeRepository.Position after = null;
        List<String> position = Cursors.decode(cursor, context, 3);
        if (position != null) {
            try {
                after = new ChangeRepository.Position(Long.parseLong(position.get(0)), position.get(1),
                        UUID.fromString(position.get(2)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor issued by this API; use nextCursor from a previous page");
            }
        }
        // The highest revision first: anything committed after this read waits for the next poll.
        long latest = changes.latestRevision();
        List<Object[]> rows = changes.changes(resources, since, latest, after, limit + 1);
        List<Change> items = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(new Change(SqlRows.count(row[0]), instant(row[1]), (String) row[2], (String) row[3],
                    (UUID) row[4], (String) row[5], OPERATIONS[SqlRows.integer(row[6])], fields((String) row[7])));
        }
        String next = null;
        if (rows.size() > limit) {
            Change last = items.get(items.size() - 1);
            next = Cursors.encode(context, List.of(Long.toString(last.revision()), last.resource(),
                    last.id().toString()));
        }
        return new ChangePage(items, next, latest, changes.changedAt(latest));
    }

    private static List<ApiResource> resources(String names) {
        List<ApiResource> feed = ApiResource.inFeed();
        if (names == null || names.isEmpty()) {
            return feed;
        }
        List<String> known = feed.stream().map(ApiResource::feedName).toList();
        // strip(), not trim(): a control character is a name to refuse, not space to drop.
        List<String> wanted = Arrays.stream(names.split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
        if (wanted.isEmpty()) {
            return feed;
        }
        for (String name : wanted) {
            if (!known.contains(name)) {
                throw ApiProblem.invalid("resource", "must be one of " + String.join(", ", known) + " (given '" + name
                        + "'); separate several by commas");
            }
        }
        return feed.stream().filter(resource -> wanted.contains(resource.feedName())).toList();
    }

    /** The changed columns as the API names its fields: source_url is sourceUrl. */
    private static List<String> fields(String columns) {
        if (columns == null) {
            return List.of();
        }
        return Arrays.stream(columns.split(",")).map(ChangeFeed::camel).toList();
    }

    private static String camel(String column) {
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
