package org.cqdrug.tracker.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The idempotency keys in PostgreSQL, so that every instance of the service sees the same ones. A key is taken and
 * its answer stored inside the transaction of the write it guards ({@link #take}, {@link #answer}), so that a crash
 * at any point leaves both or neither, and a key is never held by a process that is gone: PostgreSQL rolls back the
 * transaction of a connection that closed. The others run outside that transaction, on pooled connections.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** How long a retry waits for the request that holds its key. */
    static final String KEY_WAIT = "500ms";
    /**
     * A claim without an answer left by an instance of the release before V19 (which claimed keys outside the
     * write) is taken over after this long, as that release did; no claim of this release is ever committed unanswered.
     */
    static final java.time.Duration LEGACY_CLAIM = java.time.Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final EntityManager em;
    private final IdempotencyConfig config;

    public IdempotencyStore(DataSource dataSource, EntityManager em, IdempotencyConfig config) {
        this.dataSource = dataSource;
        this.em = em;
        this.config = config;
    }

    /** A stored answer. */
    public record Entry(String fingerprint, int status, String contentType, String body, String location) {
    }

    /**
     * Takes the key in the caller's transaction; false when another request has answered under it and the answer is
     * still kept. While another transaction holds the same key, this waits for it to end, at most
     * {@code lock_timeout} (then PostgreSQL fails it with 55P03).
     */
    boolean take(KeyedRequest.Key key) {
        // A retry waits briefly for the request holding its key, then is told to come back: waiting the session's
        // lock_timeout (4 s) would hold a worker and a pooled connection that long for each retry of a long import.
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)").setParameter(1, KEY_WAIT).getSingleResult();
        boolean taken = em.createNativeQuery("""
                insert into idempotency_key (principal, idempotency_key, fingerprint, created_at)
                values (?1, ?2, ?3, now())
                on conflict (principal, idempotency_key) do update
                    set fingerprint = excluded.fingerprint, created_at = excluded.created_at,
                        status = null, content_type = null, body = null, location = null
                    where idempotency_key.created_at < now() - make_interval(secs => ?4)
                       or (idempotency_key.status is null
                           and idempotency_key.created_at < now() - make_interval(secs => ?5))
                """)
                .setParameter(1, key.principal()).setParameter(2, key.key()).setParameter(3, key.fingerprint())
                .setParameter(4, config.lifetime().toSeconds()).setParameter(5, LEGACY_CLAIM.toSeconds())
                .executeUpdate() == 1;
        em.createNativeQuery("set local lock_timeout to default").executeUpdate();
        return taken;
    }

    /** Stores the answer under the key taken in this transaction. */
    void answer(KeyedRequest.Key key, int status, String contentType, String body, String location) {
        em.createNativeQuery("update idempotency_key set status = ?1, content_type = ?2, body = ?3, location = ?4"
                + " where principal = ?5 and idempotency_key = ?6")
                .setParameter(1, status).setParameter(2, contentType).setParameter(3, body).setParameter(4, location)
                .setParameter(5, key.principal()).setParameter(6, key.key()).executeUpdate();
    }

    /**
     * The answer stored under the key, if any. A row without one is a claim left by an instance of an earlier release
     * (before V19 a key was claimed outside the write) and counts as a request still in progress.
     */
    public Optional<Optional<Entry>> find(String principal, String key) {
        String sql = "select fingerprint, status, content_type, body, location from idempotency_key"
                + " where principal = ? and idempotency_key = ? and created_at >= now() - make_interval(secs => ?)"
                + " and (status is not null or created_at >= now() - make_interval(secs => ?))";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, principal);
            statement.setString(2, key);
            statement.setLong(3, config.lifetime().toSeconds());
            statement.setLong(4, LEGACY_CLAIM.toSeconds());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Integer status = (Integer) row.getObject(2);
                return Optional.of(status == null ? Optional.empty() : Optional.of(new Entry(row.getString(1), status,
                        row.getString(3), row.getString(4), row.getString(5))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the idempotency key", e);
        }
    }

    /**
     * Stores a refusal (4xx) of a request whose write was rolled back or never began, in a transaction of its own;
     * an answer stored by another request in between wins.
     */
    void refusal(KeyedRequest.Key key, int status, String contentType, String body) {
        update("""
                insert into idempotency_key (principal, idempotency_key, fingerprint, status, content_type, body,
                    created_at)
                values (?, ?, ?, ?, ?, ?, now())
                on conflict (principal, idempotency_key) do update
                    set fingerprint = excluded.fingerprint, status = excluded.status,
                        content_type = excluded.content_type, body = excluded.body, location = null,
                        created_at = excluded.created_at
                    where idempotency_key.created_at < now() - make_interval(secs => ?)
                """, Arrays.asList(key.principal(), key.key(), key.fingerprint(), status, contentType, body,
                config.lifetime().toSeconds()));
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        update("delete from idempotency_key where created_at < now() - make_interval(secs => ?)",
                List.of(config.lifetime().toSeconds()));
    }

    private void update(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the idempotency key", e);
        }
    }
}
