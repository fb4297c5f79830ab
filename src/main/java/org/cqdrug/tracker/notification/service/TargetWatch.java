package org.cqdrug.tracker.notification.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.httpcache.ChangeCounter;
import org.cqdrug.tracker.indicator.forecast.Outlook;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.indicator.mapping.TotalIndicator;
import org.cqdrug.tracker.indicator.mapping.YearIndicator;
import org.cqdrug.tracker.indicator.service.IndicatorService;
import org.cqdrug.tracker.notification.EventType;
import org.cqdrug.tracker.target.Target;

/**
 * Derives target events after commits: today's indicators against the status and outlook last recorded for each
 * target's year and whole period (table target_state). A change of status is a {@code target.status_changed}; an
 * outlook that crosses a threshold ({@code tracker.forecast.on-track-at}, {@code at-risk-at}) is a
 * {@code target.outlook_changed}. A target judged for the first time is recorded without an event. Each instance makes
 * the report; one at a time records it, the one that locks the {@code targets} row of event_worker, and only a round
 * newer than the last recorded. It runs again only once the data or the day has changed.
 */
@RetriedOnConflict
@ApplicationScoped
public class TargetWatch {

    private final EntityManager em;
    private final IndicatorService indicators;
    private final Clock clock;
    private final ObjectMapper json;

    public TargetWatch(EntityManager em, IndicatorService indicators, Clock clock, ObjectMapper json) {
        this.em = em;
        this.indicators = indicators;
        this.clock = clock;
        this.json = json;
    }

    /** A year's or a whole period's judgment. */
    record Judgment(UUID target, String period, String status, Forecasted outlook) {

        String outlookName() {
            return outlook.outlook() == null ? null : outlook.outlook().name();
        }
    }

    /** An outlook and the probability behind it. */
    record Forecasted(Outlook outlook, Double probability) {
    }

    /** The change counter and the day a round judges under. */
    record Due(long counter, LocalDate day) {
    }

    /**
     * Judges every target once if the data or the day changed since the last time; answers the events written. The
     * report is made between two transactions of its own: inside one, the indicators keep no input
     * ({@code InputMemo}), so every round after a write would recount every target, competing with the reads.
     */
    @ActivateRequestContext // the report's reads outside a transaction need one, on any caller's thread
    public int watch() {
        Due due = QuarkusTransaction.requiringNew().call(this::due);
        if (due == null) {
            return 0;
        }
        // made after the counter was read, so it holds at least what that counter covers
        IndicatorReport report = indicators.currentReport();
        return QuarkusTransaction.requiringNew().call(() -> record(due, report));
    }

    /** The counter and day to judge under, or null when the last round judged them already. */
    private Due due() {
        Object[] last = (Object[]) em.createNativeQuery("select last_change, last_day from event_worker"
                + " where name = 'targets'").getSingleResult();
        long counter = SqlRows.count(em.createNativeQuery("select version from change_log where id = 1").getSingleResult());
        LocalDate today = LocalDate.now(clock);
        return due(last, counter, today) ? new Due(counter, today) : null;
    }

    /**
     * Whether a round under the counter and day is newer than the last one recorded: a later counter, or the same on
     * a later day, and never an earlier day (an instance whose clock is behind another's around midnight). Rounds of
     * several instances may overlap, and one made under an older counter or day must not undo a newer one.
     */
    private static boolean due(Object[] last, long counter, LocalDate day) {
        if (last[0] == null) {
            return true;
        }
        long lastCounter = SqlRows.count(last[0]);
        LocalDate lastDay = SqlRows.date(last[1]);
        if (lastDay != null && day.isBefore(lastDay)) {
            return false;
        }
        return counter > lastCounter || counter == lastCounter && (lastDay == null || day.isAfter(lastDay));
    }

    /** The report's judgments against those recorded, as the one instance that holds the worker's row. */
    int record(Due due, IndicatorReport report) {
        List<?> worker = em.createNativeQuery("select last_change, last_day from event_worker where name = 'targets'"
                + " for update skip locked").getResultList();
        if (worker.isEmpty() || !due((Object[]) worker.get(0), due.counter(), due.day())) {
            return 0; // another instance is judging, or has judged this round or a newer one
        }
        long counter = due.counter();
        LocalDate today = due.day();
        Map<String, Object[]> recorded = new HashMap<>();
        for (Object[] row : SqlRows.list(em, "select target_id, period, status, outlook from target_state", Map.of())) {
            recorded.put(row[0] + "/" + row[1], row);
        }
        Map<String, Judgment> judged = judge(report);
        boolean changed = judged.entrySet().stream().anyMatch(judgment -> recorded.get(judgment.getKey()) == null
                || !judgment.getValue().status().equals(recorded.get(judgment.getKey())[2])
                || !Objects.equals(judgment.getValue().outlookName(), recorded.get(judgment.getKey())[3]));
        if (changed) {
            // the events are read through kept answers and ETags, which follow the counter
            ChangeCounter.bump(em);
        }
        int written = 0;
        for (Judgment judgment : judged.values()) {
            Object[] before = recorded.get(judgment.target() + "/" + judgment.period());
            String outlook = judgment.outlookName();
            if (before == null) {
                em.createNativeQuery("insert into target_state (target_id, period, status, outlook, judged_at)"
                        + " values (:target, :period, :status, :outlook, now())").setParameter("target", judgment.target())
                        .setParameter("period", judgment.period()).setParameter("status", judgment.status())
                        .setParameter("outlook", outlook).executeUpdate();
                continue;
            }
            if (!judgment.status().equals(before[2])) {
                written += event(judgment, EventType.TARGET_STATUS_CHANGED, Map.of("previousStatus", before[2],
                        "status", judgment.status()));
            }
            if (outlook != null && before[3] != null && !outlook.equals(before[3])) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("previousOutlook", before[3]);
                detail.put("outlook", outlook);
                detail.put("probability", judgment.outlook().probability());
                written += event(judgment, EventType.TARGET_OUTLOOK_CHANGED, detail);
            }
            if (!judgment.status().equals(before[2]) || !Objects.equals(outlook, before[3])) {
                em.createNativeQuery("update target_state set status = :status, outlook = :outlook, judged_at = now()"
                        + " where target_id = :target and period = :period").setParameter("status", judgment.status())
                        .setParameter("outlook", outlook).setParameter("target", judgment.target())
                        .setParameter("period", judgment.period()).executeUpdate();
            }
        }
        // the counter as read before judging: a write committed since is judged in the next round
        em.createNativeQuery("update event_worker set last_change = :counter, last_day = :day where name = 'targets'")
                .setParameter("counter", counter).setParameter("day", today).executeUpdate();
        return written;
    }

    /** Each target's years and, for a TOTAL target, its whole period, keyed by target and period. */
    static Map<String, Judgment> judge(IndicatorReport report) {
        Map<String, Judgment> judged = new LinkedHashMap<>();
        for (YearIndicator item : report.items()) {
            Judgment judgment = new Judgment(item.targetId(), Integer.toString(item.year()), item.status().name(),
                    item.forecast() == null ? new Forecasted(null, null)
                            : new Forecasted(item.forecast().outlook(), item.forecast().probabilityMeetingMin()));
            judged.put(judgment.target() + "/" + judgment.period(), judgment);
        }
        for (TotalIndicator total : report.totals()) {
            Judgment judgment = new Judgment(total.targetId(), "total", total.status().name(),
                    new Forecasted(total.outlook(), total.probabilityReachingGoal()));
            judged.put(judgment.target() + "/" + judgment.period(), judgment);
        }
        return judged;
    }

    private int event(Judgment judgment, EventType type, Map<String, Object> detail) {
        Target target = Target.findById(judgment.target());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("period", judgment.period());
        all.putAll(detail);
        String body;
        try {
            body = json.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("insert into event (type, subject, occurred_at, record_id, region_code, cluster_id, target_id,"
                + " detail) values (:type, :subject, now(), :target, :region, :cluster, :target, cast(:detail as jsonb))")
                .setParameter("type", type.id).setParameter("subject", "/api/v1/targets/" + judgment.target())
                .setParameter("target", judgment.target()).setParameter("region", target.regionCode)
                .setParameter("cluster", target.cluster == null ? null : target.cluster.id)
                .setParameter("detail", body).executeUpdate();
        return 1;
    }
}
