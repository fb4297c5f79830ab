package org.cqdrug.tracker.httpcache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cqdrug.tracker.database.DatabaseFault;
import org.jboss.logging.Logger;

/**
 * The database's change counter (table change_log), which triggers bump inside every writing transaction.
 *
 * <p>{@link #current()} answers a read of the counter that began after it was called, so whatever any instance
 * committed before a request arrived is in the counter that request is tagged and cached under: a kept answer is
 * never sent after a write, through this instance or another. Reads are coalesced: one thread reads the counter for
 * every request that arrived while the previous read was under way, so a busy instance makes one round trip for many
 * requests, not one each. Each read borrows a pooled connection (the pool validates and replaces broken ones), has a
 * time limit, and is tried once more on another connection when the first failed at once (a broken pooled one), not after a
 * silent server kept it waiting; the requests waiting for it then fail as the database being unavailable.
 */
@ApplicationScoped
public class ChangeCounter {

    private static final Logger LOG = Logger.getLogger(ChangeCounter.class);
    /** Longer than the socket timeout (10 s), so that a silent server fails the read before its waiters give up. */
    private static final Duration WAIT = Duration.ofSeconds(12);
    /** A read that failed sooner than this met a broken pooled connection, and another may serve; a slower one met a silent server. */
    private static final long RETRY_WITHIN_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int READ_TIMEOUT_SECONDS = 3;
    private static final String COUNTER = "select version from change_log where id = 1";

    private final DataSource dataSource;
    private final Object lock = new Object();
    /** The read that the next round trip will answer; requests that arrive now wait for it. */
    private CompletableFuture<Long> next = new CompletableFuture<>();
    private boolean awaited;
    private volatile boolean running;
    private volatile Thread reader;

    public ChangeCounter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Bumps the counter in the caller's transaction, for a write whose answers are kept and tagged though its table
     * has no counting trigger (a derived event, a watchlist). Call it before the write's own rows: every writer
     * takes the counter's lock first (V3__change_tracking.sql), so writers queue in one order.
     */
    public static long bump(jakarta.persistence.EntityManager em) {
        return ((Number) em.createNativeQuery("update change_log set version = version + 1 where id = 1 returning version")
                .getSingleResult()).longValue();
    }

    /** The counter as committed when this was called, or later; blocks the caller until it is read. */
    public long current() {
        try {
            return next().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the change counter", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Cannot read the change counter", e.getCause());
        }
    }

    /**
     * The counter as committed when this was called, or later, without parking the caller's thread: the event loop
     * awaits it while the reader's one round trip serves every request that arrived during the previous one. Fails
     * as the database being unavailable after {@link #WAIT}.
     */
    public CompletionStage<Long> next() {
        CompletableFuture<Long> round;
        synchronized (lock) {
            Thread serving = reader;
            if (!running || serving == null || !serving.isAlive()) {
                round = null;
            } else {
                round = next;
                if (!awaited) {
                    // one timer per round trip, set by its first request, not one per request
                    round.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
                awaited = true;
                lock.notify();
            }
        }
        if (round == null) {
            // no reader (before start, after stop, or after it died): a read of this request's own, off the caller's thread
            round = CompletableFuture.supplyAsync(this::readWithRetry, Infrastructure.getDefaultWorkerPool())
                    .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        return round.exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return CompletableFuture.failedFuture(cause instanceof TimeoutException
                    ? new DatabaseFault.Unavailable("The change counter was not read within " + WAIT.toSeconds() + " s", cause)
                    : cause instanceof RuntimeException ? cause : new IllegalStateException("Cannot read the change counter", cause));
        });
    }

    void start(@Observes StartupEvent started) {
        Thread thread = new Thread(this::serveReads, "change-counter");
        thread.setDaemon(true);
        synchronized (lock) {
            running = true;
            reader = thread;
        }
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        synchronized (lock) {
            running = false;
            lock.notify();
        }
    }

    private void serveReads() {
        try {
            while (true) {
                CompletableFuture<Long> round;
                synchronized (lock) {
                    while (running && !awaited) {
                        lock.wait();
                    }
                    if (!awaited) {
                        return;
                    }
                    round = next;
                    next = new CompletableFuture<>();
                    awaited = false;
                }
                serve(round);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            LOG.errorf(e, "The change counter's reader stopped; requests read the counter themselves from now on");
        } finally {
            CompletableFuture<Long> orphaned;
            boolean waiting;
            synchronized (lock) {
                reader = null;
                orphaned = next;
                waiting = awaited;
            }
            if (waiting) {
                serve(orphaned); // requests already waiting get a read of their own
            }
        }
    }

    private void serve(CompletableFuture<Long> round) {
        try {
            round.complete(readWithRetry());
        } catch (Throwable e) {
            round.completeExceptionally(e);
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private long readWithRetry() {
        long began = System.nanoTime();
        try {
            return read();
        } catch (SQLException first) {
            if (System.nanoTime() - began > RETRY_WITHIN_NANOS) {
                throw new IllegalStateException("Cannot read the change counter", first);
            }
            try {
                return read();
            } catch (SQLException second) {
                second.addSuppressed(first);
                throw new IllegalStateException("Cannot read the change counter", second);
            }
        }
    }

    private long read() throws SQLException {
        // pgjdbc keeps the statement prepared on each physical connection, so the server plans it once per connection
        try (Connection connection = dataSource.getConnection();
                PreparedStatement counter = connection.prepareStatement(COUNTER)) {
            counter.setQueryTimeout(READ_TIMEOUT_SECONDS);
            try (ResultSet rows = counter.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
