package org.cqdrug.tracker.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means the database cannot serve the request just now, rather than a fault in the request or the
 * service:
 * <ul>
 * <li>the connection pool timed out waiting for a connection: Agroal's SQLException caused by a TimeoutException when
 * a new connection could not be opened, or its "acquisition timeout" when every pooled one stayed busy;</li>
 * <li>a connection was refused or broke (SQLSTATE class 08);</li>
 * <li>the server is shutting down or starting (57P01 to 57P03) or has no connection left (53300).</li>
 * </ul>
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before retrying: about one connection-acquisition timeout. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final java.util.Set<String> UNAVAILABLE_STATES = java.util.Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(java.util.Locale.ROOT);
            return sql.getCause() instanceof TimeoutException || message.contains("acquisition timeout")
                    || (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)));
        }
        return false;
    }
}
