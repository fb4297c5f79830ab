package org.cqdrug.tracker.notification.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.Language;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.paging.Cursors;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.feed.AtomFeed;
import org.cqdrug.tracker.notification.EventType;
import org.cqdrug.tracker.notification.config.WebhookConfig;
import org.cqdrug.tracker.notification.mapping.EventFilter;
import org.cqdrug.tracker.notification.mapping.EventPage;
import org.cqdrug.tracker.notification.mapping.EventView;

/** The events as read: a page of them newest first, one by id, and a page as an Atom feed. */
@RetriedOnConflict
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Events {

    private static final String COLUMNS = "e.seq, e.id, e.type, e.subject, e.occurred_at, e.revision, e.record_id,"
            + " array_to_string(e.changed, ','), cast(e.detail as text)";

    private final EntityManager em;
    private final WebhookConfig config;
    private final ObjectMapper json;

    public Events(EntityManager em, WebhookConfig config, ObjectMapper json) {
        this.em = em;
        this.config = config;
        this.json = json;
    }

    /** The types a filter names, each checked against the catalogue. */
    public static void checkTypes(String field, List<String> types) {
        if (types == null) {
            return;
        }
        for (String type : types) {
            if (!EventType.subscribable().contains(type)) {
                throw ApiProblem.invalid(field, "names '" + type + "', which is not an event type; the types are "
                        + String.join(", ", EventType.subscribable()));
            }
        }
    }

    /** The events the filter matches, newest first, one page from the cursor on; pings are never listed. */
    public EventPage page(EventFilter filter, String context, String cursor, int limit) {
        checkTypes("type", filter.eventTypes());
        Map<String, Object> params = new HashMap<>();
        String before = "";
        List<String> position = Cursors.decode(cursor, context, 1);
        if (position != null) {
            try {
                params.put("beforeSeq", Long.parseLong(position.get(0)));
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor issued by this API; use nextCursor from a previous page");
            }
            before = " and e.seq < :beforeSeq";
        }
        List<Object[]> rows = SqlRows.list(em, "select " + COLUMNS + " from event e where e.webhook_id is null and "
                + filter.matches(params) + before + " order by e.seq desc limit " + (limit + 1), params);
        List<EventView> items = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(view(row));
        }
        String next = rows.size() > limit
                ? Cursors.encode(context, List.of(Long.toString(SqlRows.count(rows.get(limit - 1)[0])))) : null;
        return new EventPage(items, next);
    }

    /** Events by id, for a batch of deliveries. */
    public Map<UUID, EventView> byIds(List<UUID> ids) {
        Map<UUID, EventView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : SqlRows.list(em, "select " + COLUMNS + " from event e where e.id in (:ids)", Map.of("ids", ids))) {
                found.put((UUID) row[1], view(row));
            }
        }
        return found;
    }

    public EventView byId(UUID id) {
        List<Object[]> rows = SqlRows.list(em, "select " + COLUMNS + " from event e where e.id = :id", Map.of("id", id));
        return view(rows.get(0));
    }

    private EventView view(Object[] row) {
        JsonNode detail;
        try {
            detail = json.readTree((String) row[8]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + row[1] + " has unreadable detail", e);
        }
        String changed = (String) row[7];
        List<String> fields = changed == null || changed.isEmpty() ? List.of()
                : Arrays.stream(changed.split(",")).map(SqlRows::field).toList();
        EventView.Data data = new EventView.Data((UUID) row[6], (String) row[3], fields,
                row[5] == null ? null : SqlRows.count(row[5]), text(detail, "previousPhase"), text(detail, "phase"),
                text(detail, "period"), text(detail, "previousStatus"), text(detail, "status"),
                text(detail, "previousOutlook"), text(detail, "outlook"),
                detail.hasNonNull("probability") ? detail.get("probability").asDouble() : null);
        return new EventView("1.0", (UUID) row[1], config.source(), (String) row[2], SqlRows.instant(row[4]),
                (String) row[3], "application/json", data);
    }

    private static String text(JsonNode detail, String name) {
        return detail.hasNonNull(name) ? detail.get(name).asText() : null;
    }

    /** A page of events as an Atom feed, its links made absolute against {@code base}. */
    public static AtomFeed atom(String id, String title, String self, String next, String base, Language language,
            List<EventView> events) {
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (EventView event : events) {
            entries.add(new AtomFeed.Entry("urn:uuid:" + event.id(), title(event, language), event.time(), null,
                    base + event.subject(), summary(event), event.type()));
        }
        java.time.Instant updated = events.isEmpty() ? java.time.Instant.EPOCH : events.get(0).time();
        return new AtomFeed(id, title, updated, self, next, language, entries);
    }

    /** The entry's title: what happened, and what changed, in the reader's language. */
    static String title(EventView event, Language language) {
        EventType type = EventType.of(event.type());
        StringBuilder title = new StringBuilder(language == Language.ZH ? type.titleZh : type.title);
        EventView.Data data = event.data();
        String colon = language == Language.ZH ? "：" : ": ";
        if (data.phase() != null) {
            title.append(colon).append(data.previousPhase()).append(" → ").append(data.phase());
        } else if (data.outlook() != null) {
            title.append(" (").append(data.period()).append(")").append(colon).append(data.previousOutlook())
                    .append(" → ").append(data.outlook());
        } else if (data.status() != null) {
            title.append(" (").append(data.period()).append(")").append(colon)
                    .append(data.previousStatus() == null ? "—" : data.previousStatus()).append(" → ").append(data.status());
        } else if (!data.changedFields().isEmpty() && type.id.endsWith(".updated")) {
            title.append(colon).append(String.join(", ", data.changedFields()));
        }
        return title.toString();
    }

    private static String summary(EventView event) {
        return event.type() + " " + event.subject() + (event.data().revision() == null ? ""
                : " (revision " + event.data().revision() + ")");
    }
}
