package org.cqdrug.tracker.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The idempotency keys in PostgreSQL, so that every instance of the service sees the same ones. Each statement runs
 * on a connection of its own, outside the request's transaction: a claim must be visible to a concurrent retry at
 * once, whatever the request then does.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** How long a key and its answer are kept. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    /**
     * A claim with no answer after this long belongs to a request that died, and may be taken over; long enough for
     * the largest import. A request that outlives it cannot store its answer over the new claim (see the token).
     */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    private final DataSource dataSource;

    public IdempotencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored answer, or the claim of a request still being handled (status null). */
    public record Entry(String fingerprint, Integer status, String contentType, String body, String location) {
    }

    /**
     * Claims the key for this request. True when it is ours: new, expired, or abandoned by a request that died;
     * false when another request holds it or has answered under it.
     */
    public boolean claim(String principal, String key, String fingerprint, String token) {
        String sql = """
                insert into idempotency_key (principal, idempotency_key, fingerprint, claim, created_at)
                values (?, ?, ?, ?, now())
                on conflict (principal, idempotency_key) do update
                    set fingerprint = excluded.fingerprint, claim = excluded.claim, created_at = excluded.created_at,
                        status = null, content_type = null, body = null, location = null
                    where idempotency_key.created_at < now() - make_interval(secs => ?)
                       or (idempotency_key.status is null
                           and idempotency_key.created_at < now() - make_interval(secs => ?))
                """;
        return update(sql, principal, key, fingerprint, token, LIFETIME.toSeconds(), ABANDONED.toSeconds()) == 1;
    }

    public Optional<Entry> find(String principal, String key) {
        String sql = "select fingerprint, status, content_type, body, location from idempotency_key"
                + " where principal = ? and idempotency_key = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, principal);
            statement.setString(2, key);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Integer status = (Integer) row.getObject(2);
                return Optional.of(new Entry(row.getString(1), status, row.getString(3), row.getString(4),
                        row.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the idempotency key", e);
        }
    }

    /** Stores the answer under the claim, if the claim is still this request's. */
    public void answer(String principal, String key, String token, int status, String contentType, String body,
            String location) {
        update("update idempotency_key set status = ?, content_type = ?, body = ?, location = ?"
                + " where principal = ? and idempotency_key = ? and claim = ?", status, contentType, body, location,
                principal, key, token);
    }

    /** Gives the key up, so that a retry is handled afresh (after a failure of the service). */
    public void release(String principal, String key, String token) {
        update("delete from idempotency_key where principal = ? and idempotency_key = ? and claim = ?"
                + " and status is null", principal, key, token);
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        update("delete from idempotency_key where created_at < now() - make_interval(secs => ?)", LIFETIME.toSeconds());
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the idempotency key", e);
        }
    }
}
