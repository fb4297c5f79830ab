package org.cqdrug.tracker.common.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.SqlRows;
import org.hibernate.envers.AuditReaderFactory;

/**
 * The record as it was known at an instant, rebuilt from history: each row as its last revision committed by then
 * left it, and none that was deleted by then or created later. Work run {@link #read as known} at an instant has the
 * reads below answer from the audit tables instead of the live ones, and its "today" is that instant's day;
 * elsewhere they read the record as it stands.
 */
@ApplicationScoped
public class KnownAt {

    /** The live tables an as-known read replaces, as the counting SQL names them. */
    private static final Pattern TABLE = Pattern.compile(
            "\\b(from|join)\\s+(approval|candidate|organization|milestone)\\s+([a-z])\\b");

    /** The revision and instant the work on this thread reads as of; none outside {@link #read}. */
    private record Reading(long revision, Instant at) {
    }

    private final EntityManager em;
    private final ThreadLocal<Reading> reading = new ThreadLocal<>();

    public KnownAt(EntityManager em) {
        this.em = em;
    }

    /**
     * Runs the work reading the record as it was known at the instant (as of the last revision committed by then), or
     * as it stands when the instant is null.
     */
    public <T> T read(Instant at, Supplier<T> work) {
        if (at == null) {
            return work.get();
        }
        // Revisions are stamped by the database's clock: an instant after now is a record not known yet.
        if (at.isAfter(Instant.now().plusSeconds(60))) {
            throw org.cqdrug.tracker.common.problem.ApiProblem.invalid("knownAt", "is in the future: the record as it"
                    + " will be known is not known yet; leave knownAt out for the record as it stands");
        }
        long revision = SqlRows.count(em.createNativeQuery(
                "select coalesce(max(id), 0) from revision where changed_at <= ?1")
                .setParameter(1, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).getSingleResult());
        Reading outer = reading.get();
        reading.set(new Reading(revision, at));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                reading.remove();
            } else {
                reading.set(outer);
            }
        }
    }

    /** Whether work on this thread reads the record as it stands, not as known at an instant. */
    public boolean live() {
        return reading.get() == null;
    }

    /** Today in the clock's calendar: the known instant's day while reading as known, so that a replay is exact. */
    public LocalDate today(Clock clock) {
        Reading known = reading.get();
        return known == null ? LocalDate.now(clock) : LocalDate.ofInstant(known.at(), clock.getZone());
    }

    /**
     * SQL over the live tables made to read them as known: each table the counting SQL names is replaced by its rows
     * as of the revision, built once per statement (a materialized common table expression), with the created_at
     * of the live row, or of its first revision once it is deleted.
     */
    public String sql(String sql) {
        Reading known = reading.get();
        if (known == null) {
            return sql;
        }
        Set<String> tables = new LinkedHashSet<>();
        Matcher matcher = TABLE.matcher(sql);
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            tables.add(matcher.group(2));
            matcher.appendReplacement(body, matcher.group(1) + " known_" + matcher.group(2) + " " + matcher.group(3));
        }
        matcher.appendTail(body);
        if (tables.isEmpty()) {
            return sql;
        }
        StringBuilder with = new StringBuilder();
        for (String table : tables) {
            with.append(with.isEmpty() ? "" : ", ").append("known_").append(table).append(" as materialized (")
                    .append("select s.*, coalesce((select l.created_at from ").append(table)
                    .append(" l where l.id = s.id), (select min(r.changed_at) from ").append(table)
                    .append("_aud f join revision r on r.id = f.rev where f.id = s.id)) as created_at")
                    .append(" from (select distinct on (h.id) h.* from ").append(table).append("_aud h where h.rev <= ")
                    .append(known.revision()).append(" order by h.id, h.rev desc) s where s.revtype <> 2)");
        }
        String rest = body.toString().stripLeading();
        return rest.regionMatches(true, 0, "with ", 0, 5)
                ? "with " + with + ", " + rest.substring(5)
                : "with " + with + " " + rest;
    }

    /** The entities of a type as known, or as they stand when no instant is set ({@code live}), in the given order. */
    public <E> List<E> entities(Class<E> type, Supplier<List<E>> live, Comparator<E> order) {
        Reading known = reading.get();
        if (known == null) {
            return live.get();
        }
        if (known.revision() == 0) {
            return List.of();  // before the first revision the record held nothing
        }
        @SuppressWarnings("unchecked")
        List<E> rows = AuditReaderFactory.get(em).createQuery().forEntitiesAtRevision(type, known.revision())
                .getResultList();
        return rows.stream().sorted(order).toList();
    }
}
