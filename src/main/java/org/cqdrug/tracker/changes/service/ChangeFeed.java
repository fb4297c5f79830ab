package org.cqdrug.tracker.changes.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
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
import org.cqdrug.tracker.common.Language;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.feed.AtomFeed;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.common.paging.Cursors;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.registry.ApiResource;

/**
 * Every change of the tracked data after a revision, across all resources, in commit order, from the audit tables.
 * Revision numbers are drawn in commit order (V7__audit_history.sql), so a client that polls with the highest
 * revision it has seen never skips a change: a revision is visible only once every lower one is settled.
 */
@RetriedOnConflict
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
        List<Change> items = changes(rows.subList(0, Math.min(limit, rows.size())));
        String next = null;
        if (rows.size() > limit) {
            Change last = items.get(items.size() - 1);
            next = Cursors.encode(context, List.of(Long.toString(last.revision()), last.resource(),
                    last.id().toString()));
        }
        return new ChangePage(items, next, latest, changes.changedAt(latest));
    }

    /**
     * The newest changes after a revision of the resources named (all when none is named), newest first: a feed
     * reader's view.
     */
    public List<Change> newest(String resourceNames, long since, int limit) {
        return changes(changes.newest(resources(resourceNames), since, changes.latestRevision(), limit));
    }

    private static List<Change> changes(List<Object[]> rows) {
        List<Change> items = new ArrayList<>();
        for (Object[] row : rows) {
            items.add(new Change(SqlRows.count(row[0]), SqlRows.instant(row[1]), (String) row[2], (String) row[3],
                    (UUID) row[4], (String) row[5], OPERATIONS[SqlRows.integer(row[6])], fields((String) row[7])));
        }
        return items;
    }

    /** Changes as an Atom feed, each entry's link made absolute against {@code base}. */
    public static AtomFeed atom(String self, String base, Language language, List<Change> changes) {
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (Change change : changes) {
            String what = (language == Language.ZH ? RESOURCES_ZH.getOrDefault(change.resource(), change.resource())
                    : change.resource()) + " " + (language == Language.ZH ? OPERATIONS_ZH.get(change.operation())
                    : change.operation().name().toLowerCase(java.util.Locale.ROOT));
            String fields = change.changedFields().isEmpty() || change.operation() != HistoryEntry.Operation.UPDATED ? ""
                    : (language == Language.ZH ? "：" : ": ") + String.join(", ", change.changedFields());
            entries.add(new AtomFeed.Entry("urn:cqdrug:change:" + change.revision() + ":" + change.resource() + ":"
                    + change.id(), what + fields, change.changedAt(), change.author(), base + change.path(),
                    "revision " + change.revision() + " " + change.path(), change.resource()));
        }
        Instant updated = changes.isEmpty() ? Instant.EPOCH : changes.get(0).changedAt();
        return new AtomFeed(self, language == Language.ZH ? "重庆创新药追踪：数据变更" : "Chongqing innovative-drug tracker: changes",
                updated, self, null, language, entries);
    }

    private static final java.util.Map<String, String> RESOURCES_ZH = java.util.Map.of("clusters", "产业集群",
            "organizations", "机构", "candidates", "候选药物", "milestones", "里程碑", "approvals", "批准", "targets", "目标",
            "collaborations", "合作", "published-counts", "公布数字", "sources", "来源清单");

    private static final java.util.Map<HistoryEntry.Operation, String> OPERATIONS_ZH = java.util.Map.of(
            HistoryEntry.Operation.CREATED, "新建", HistoryEntry.Operation.UPDATED, "更改",
            HistoryEntry.Operation.DELETED, "删除");

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
        return Arrays.stream(columns.split(",")).map(SqlRows::field).toList();
    }


}
