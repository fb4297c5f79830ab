package org.cqdrug.tracker.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a failure from the database means for the request, in one place, so that each is logged and answered as what
 * it is. A failure none of these names (a protocol violation, 08P01, among them) is a fault of the service: it is
 * logged with its stack trace and answered 500.
 */
public enum DatabaseFault {

    /**
     * The database cannot serve the request just now: the pool timed out waiting for a connection (Agroal's
     * SQLException caused by a TimeoutException when a new connection could not be opened, or its "acquisition
     * timeout" when every pooled one stayed busy); a connection was refused, broke or went silent past the socket
     * timeout (SQLSTATE class 08, except 08P01); the server is shutting down or starting (57P01 to 57P03) or has no
     * connection left (53300).
     */
    OUTAGE,
    /**
     * The transaction lost a race with another and was rolled back whole: a serialization failure (40001) or a
     * deadlock (40P01). Running it again is safe where its input is still at hand ({@link TransactionConflicts}).
     */
    CONFLICT,
    /** A lock stayed held by another transaction past {@code lock_timeout} (55P03). */
    LOCK_TIMEOUT,
    /** A statement ran past {@code statement_timeout} and the server cancelled it (57014). */
    STATEMENT_TIMEOUT;

    /** Seconds a client should wait before retrying after an outage: about one connection-acquisition timeout. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** Class 08 is "connection exception", but a protocol violation is a fault of the client code, not the network. */
    private static final String PROTOCOL_VIOLATION = "08P01";

    /** The first fault named along the cause chain, if any. */
    public static Optional<DatabaseFault> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Optional<DatabaseFault> fault = of(t);
            if (fault.isPresent()) {
                return fault;
            }
        }
        return Optional.empty();
    }

    /** Raised where the service gave up waiting on the database itself, without a driver's exception to show. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What this one exception (not its causes) says, if anything. */
    public static Optional<DatabaseFault> of(Throwable t) {
        if (t instanceof Unavailable) {
            return Optional.of(OUTAGE);
        }
        if (t instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLException() != null) {
            return of(jdbc.getSQLException());
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return PROTOCOL_VIOLATION.equals(((SQLException) t).getSQLState()) ? Optional.empty() : Optional.of(OUTAGE);
        }
        if (!(t instanceof SQLException sql)) {
            return Optional.empty();
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
        if (sql.getCause() instanceof TimeoutException || message.contains("acquisition timeout")
                || (state.startsWith("08") && !state.equals(PROTOCOL_VIOLATION)) || UNAVAILABLE_STATES.contains(state)) {
            return Optional.of(OUTAGE);
        }
        return switch (state) {
            case "40001", "40P01" -> Optional.of(CONFLICT);
            case "55P03" -> Optional.of(LOCK_TIMEOUT);
            // 57014 is also a cancel the driver sent itself, past a statement's query timeout: the server was too slow
            // to answer a read that is quick when it is well (the change counter's), which is an outage.
            case "57014" -> Optional.of(message.contains("user request") ? OUTAGE : STATEMENT_TIMEOUT);
            default -> Optional.empty();
        };
    }
}
