package org.cqdrug.tracker.database;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

/**
 * Runs a whole transaction again when it was rolled back by a serialization failure or a deadlock: up to
 * {@link #ATTEMPTS} times in all, after a short random pause that grows, so that the transactions that collided do not
 * collide again. Outside {@link #ATTEMPTS} the last failure is thrown, and answered 503 with Retry-After.
 * Binds {@link RetriedOnConflict}; it runs outside the transaction interceptors (which have priority
 * PLATFORM_BEFORE + 200), so that each attempt is a transaction of its own.
 */
@RetriedOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransactionConflicts {

    public static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(TransactionConflicts.class);
    private static final long FIRST_PAUSE_MILLIS = 20;

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (inTransaction()) {
            return call.proceed(); // a caller's transaction: only its owner can run it again
        }
        return retrying(call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName(),
                call::proceed);
    }

    /** Runs {@code transaction}, which must begin and end a transaction of its own, with the retries above. */
    public static <T> T retrying(String what, Callable<T> transaction) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.call();
            } catch (Exception e) {
                if (attempt >= ATTEMPTS || DatabaseFault.find(e).filter(DatabaseFault.CONFLICT::equals).isEmpty()) {
                    throw e;
                }
                LOG.warnf(e, "%s collided with a concurrent transaction (attempt %d of %d); running it again", what,
                        attempt, ATTEMPTS);
                long pause = FIRST_PAUSE_MILLIS << (attempt - 1);
                try {
                    Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
            }
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
