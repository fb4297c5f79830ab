package org.cqdrug.tracker.common.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The database's change counter (table change_log), which triggers bump inside every writing transaction.
 *
 * <p>{@link #current()} answers a read of the counter that began after it was called, so whatever any instance
 * committed before a request arrived is in the counter that request is tagged and cached under: a kept answer is
 * never sent after a write, through this instance or another. Reads are coalesced: one thread holds a connection
 * and reads the counter for every request that arrived while the previous read was under way, so a busy instance
 * makes one round trip for many requests, not one each.
 */
@ApplicationScoped
public class ChangeLog {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String COUNTER = "select version from change_log where id = 1";

    private final DataSource dataSource;
    private final Object lock = new Object();
    /** The read that the next round trip will answer; requests that arrive now wait for it. */
    private CompletableFuture<Long> next = new CompletableFuture<>();
    private boolean awaited;
    private volatile boolean running;
    private Thread reader;

    public ChangeLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The counter as committed when this was called, or later. */
    public long current() {
        CompletableFuture<Long> round;
        synchronized (lock) {
            if (!running) {
                return readOnce();
            }
            round = next;
            awaited = true;
            lock.notify();
        }
        try {
            return round.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the change counter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the change counter", e);
        }
    }

    void start(@Observes StartupEvent started) {
        synchronized (lock) {
            running = true;
        }
        reader = new Thread(this::serveReads, "change-counter");
        reader.setDaemon(true);
        reader.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
    }

    private void serveReads() {
        Connection connection = null;
        PreparedStatement counter = null;
        while (true) {
            CompletableFuture<Long> round;
            synchronized (lock) {
                while (running && !awaited) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        running = false;
                    }
                }
                round = next;
                next = new CompletableFuture<>();
                awaited = false;
                if (!running) {
                    try {
                        round.complete(readOnce());
                    } catch (RuntimeException e) {
                        round.completeExceptionally(e);
                    }
                    close(connection);
                    return;
                }
            }
            try {
                if (connection == null || connection.isClosed()) {
                    connection = dataSource.getConnection();
                    connection.setAutoCommit(true);
                    // kept and reused, so the server plans it once
                    counter = connection.prepareStatement(COUNTER);
                }
                try (ResultSet rows = counter.executeQuery()) {
                    rows.next();
                    round.complete(rows.getLong(1));
                }
            } catch (SQLException | RuntimeException e) {
                round.completeExceptionally(e);
                close(connection);
                connection = null;
            }
        }
    }

    private long readOnce() {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change counter", e);
        }
    }

    private static long read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(COUNTER)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is gone either way
            }
        }
    }
}
