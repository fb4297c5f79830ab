package org.cqdrug.tracker.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What each failure from the database means, in the shapes the driver, the pool and Hibernate throw them. */
@Tag(Lanes.UNIT)
class DatabaseFaultTest {

    private static Optional<DatabaseFault> of(Throwable t) {
        return DatabaseFault.find(new RuntimeException("wrapped", t));
    }

    @Test
    void poolTimeoutsRefusedOrBrokenConnectionsAndAServerGoingAwayAreOutages() {
        // Agroal: no new connection could be opened in time, or every pooled one stayed busy.
        assertEquals(Optional.of(DatabaseFault.OUTAGE), of(new SQLException(
                "Acquisition timeout while waiting for new connection", new TimeoutException())));
        assertEquals(Optional.of(DatabaseFault.OUTAGE), of(new SQLException("Sorry, acquisition timeout!")));
        // pgjdbc: connection refused (08001), connection lost or silent past the socket timeout (08006).
        assertEquals(Optional.of(DatabaseFault.OUTAGE), of(new SQLException("Connection to localhost:5432 refused", "08001")));
        assertEquals(Optional.of(DatabaseFault.OUTAGE), of(new SQLException("An I/O error occurred while sending to the backend", "08006")));
        // The server: shutting down (57P01), crashed (57P02), starting (57P03), out of connections (53300).
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            assertEquals(Optional.of(DatabaseFault.OUTAGE), of(new SQLException("server", state)), state);
        }
        assertEquals(Optional.of(DatabaseFault.OUTAGE), of(new org.hibernate.exception.JDBCConnectionException(
                "Unable to acquire", new SQLException("refused", "08001"))));
    }

    @Test
    void aProtocolViolationIsAFaultOfTheServiceThoughItsClassIsConnectionException() {
        assertEquals(Optional.empty(), of(new SQLException("Protocol error", "08P01")));
        assertEquals(Optional.empty(), of(new SQLNonTransientConnectionException("Protocol error", "08P01")));
        // Hibernate files every class-08 state as a connection exception; the state inside decides.
        assertEquals(Optional.empty(), of(new org.hibernate.exception.JDBCConnectionException("protocol",
                new SQLException("Protocol error", "08P01"))));
    }

    @Test
    void collisionsLockWaitsAndStatementTimeoutsAreNamedAsWhatTheyAre() {
        assertEquals(Optional.of(DatabaseFault.CONFLICT), of(new SQLException("could not serialize access", "40001")));
        assertEquals(Optional.of(DatabaseFault.CONFLICT), of(new org.hibernate.exception.LockAcquisitionException(
                "deadlock", new SQLException("deadlock detected", "40P01"))));
        assertEquals(Optional.of(DatabaseFault.LOCK_TIMEOUT), of(new SQLException("lock timeout", "55P03")));
        assertEquals(Optional.of(DatabaseFault.STATEMENT_TIMEOUT),
                of(new SQLException("canceling statement due to statement timeout", "57014")));
        // the driver's own cancel, past a query timeout: the server was too slow for a quick read
        assertEquals(Optional.of(DatabaseFault.OUTAGE),
                of(new SQLException("ERROR: canceling statement due to user request", "57014")));
    }

    @Test
    void faultsOfTheRequestOrTheServiceAreNone() {
        assertTrue(of(new SQLException("duplicate key value", "23505")).isEmpty());
        assertTrue(of(new SQLException("syntax error", "42601")).isEmpty());
        assertTrue(of(new SQLException("no state")).isEmpty());
        assertTrue(of(new IllegalStateException("bug")).isEmpty());
    }
}
