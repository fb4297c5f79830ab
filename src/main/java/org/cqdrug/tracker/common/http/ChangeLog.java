package org.cqdrug.tracker.common.http;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The database's change counter (table change_log), which triggers bump inside every writing transaction and announce
 * on channel {@value #CHANNEL} when it commits (migration V12).
 *
 * <p>A listener thread holds one connection that LISTENs, so {@link #current()} answers from memory: an instance learns
 * of a commit by any instance as soon as PostgreSQL delivers the notification, without a round trip per request. While
 * the listener is not connected, {@link #current()} reads the counter from the database, as it did before there was a
 * listener, so an answer is never older than the counter it is tagged with. The listener also reads the counter every
 * {@link #CHECK} it hears nothing, which finds a connection that died without a word.
 */
@ApplicationScoped
public class ChangeLog {

    static final String CHANNEL = "tracker_changes";
    private static final Logger LOG = Logger.getLogger(ChangeLog.class);
    private static final Duration CHECK = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final long UNKNOWN = -1;

    private final DataSource dataSource;
    /** The highest counter heard of, or UNKNOWN while nobody listens. */
    private final AtomicLong heard = new AtomicLong(UNKNOWN);
    private volatile boolean running;
    private Thread listener;

    public ChangeLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The counter as committed now (as far as any notification has told); every change commits a higher one. */
    public long current() {
        long known = heard.get();
        return known != UNKNOWN ? known : read();
    }

    /**
     * The counter read from the database now. A write answered by this instance calls it before answering, so that
     * its own next read never waits for the notification; a client that asks for revalidation (Cache-Control:
     * no-cache) gets it too.
     */
    public long read() {
        try (Connection connection = dataSource.getConnection()) {
            long version = read(connection);
            heard.accumulateAndGet(version, (known, read) -> known == UNKNOWN ? UNKNOWN : Math.max(known, read));
            return version;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change counter", e);
        }
    }

    private static long read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version from change_log where id = 1")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void start(@Observes StartupEvent started) {
        running = true;
        listener = new Thread(this::listen, "change-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** True while the listener is connected, so that the counter comes from memory. */
    public boolean listening() {
        return heard.get() != UNKNOWN;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // Read after LISTEN: a commit between the two is both read and heard, none is missed.
                heard.set(read(connection));
                LOG.debugf("Listening for changes from counter %d", heard.get());
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) CHECK.toMillis());
                    long latest = received == null || received.length == 0 ? read(connection) : latest(received);
                    heard.accumulateAndGet(latest, Math::max);
                }
            } catch (SQLException | RuntimeException e) {
                heard.set(UNKNOWN);
                if (running) {
                    LOG.warnf("Change listener lost its connection (%s); reading the counter per request until it is back",
                            e.getMessage());
                    pause();
                }
            }
        }
        heard.set(UNKNOWN);
    }

    private static long latest(PGNotification[] received) {
        long latest = UNKNOWN;
        for (PGNotification notification : received) {
            latest = Math.max(latest, Long.parseLong(notification.getParameter()));
        }
        return latest;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
