package org.cqdrug.tracker.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means the database cannot be reached, rather than a fault in the request or the service: the
 * connection pool timed out waiting for a connection (Agroal's SQLException caused by a TimeoutException), a new
 * connection was refused or broke (SQLSTATE class 08), or the server is shutting down or starting (57P01 to 57P03).
 */
final class DatabaseOutage {

    /** Seconds a client should wait before retrying: about one connection-acquisition timeout. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseOutage() {
    }

    static boolean isCause(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return sql.getCause() instanceof TimeoutException
                    || (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                            || state.equals("57P03")));
        }
        return false;
    }
}
