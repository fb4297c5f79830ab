package org.cqdrug.tracker.common.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.SqlRows;
import org.hibernate.envers.AuditReaderFactory;

/**
 * The record as it was known at an instant, rebuilt from history: each row as its last revision committed by then
 * left it, and none that was deleted by then or created later. Work run {@link #read as known} at an instant has the
 * reads below answer from the audit tables instead of the live ones; elsewhere they read the record as it stands.
 */
@ApplicationScoped
public class KnownAt {

    /** The live tables an as-known read replaces, as the counting SQL names them. */
    private static final Pattern TABLE = Pattern.compile(
            "\\b(from|join)\\s+(approval|candidate|organization|milestone)\\s+([a-z])\\b");

    private final EntityManager em;
    /** The revision the work on this thread reads as of; none outside {@link #read}. */
    private final ThreadLocal<Long> reading = new ThreadLocal<>();

    public KnownAt(EntityManager em) {
        this.em = em;
    }

    /**
     * Runs the work reading the record as it was known at the instant (as of the last revision committed by then), or
     * as it stands when the instant is null.
     */
    public <T> T read(Instant at, java.util.function.Supplier<T> work) {
        if (at == null) {
            return work.get();
        }
        long revision = SqlRows.count(em.createNativeQuery(
                "select coalesce(max(id), 0) from revision where changed_at <= ?1")
                .setParameter(1, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).getSingleResult());
        Long outer = reading.get();
        reading.set(revision);
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

    /**
     * SQL over the live tables made to read them as known: each table the counting SQL names is replaced by its rows
     * as of the revision (their created_at being their first revision's time).
     */
    public String sql(String sql) {
        Long revision = reading.get();
        if (revision == null) {
            return sql;
        }
        Matcher matcher = TABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String table = matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + " (select s.*, (select r.changed_at"
                    + " from " + table + "_aud f join revision r on r.id = f.rev where f.id = s.id order by f.rev limit 1)"
                    + " as created_at from (select distinct on (h.id) h.* from " + table + "_aud h where h.rev <= "
                    + revision + " order by h.id, h.rev desc) s where s.revtype <> 2) " + matcher.group(3)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * The entities of a type as known, or as they stand when no instant is set ({@code live}), in the given order.
     */
    public <E> List<E> entities(Class<E> type, java.util.function.Supplier<List<E>> live, Comparator<E> order) {
        Long revision = reading.get();
        if (revision == null) {
            return live.get();
        }
        @SuppressWarnings("unchecked")
        List<E> known = AuditReaderFactory.get(em).createQuery().forEntitiesAtRevision(type, revision).getResultList();
        return known.stream().sorted(order).toList();
    }
}
