package org.cqdrug.tracker.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** The failures that mean "the database cannot serve this now", in the shapes the driver and the pool throw them. */
@Tag(Lanes.UNIT)
class DatabaseOutageTest {

    @Test
    void poolTimeoutsRefusedOrBrokenConnectionsAndAServerGoingAwayAreOutages() {
        // Agroal: no new connection could be opened in time, or every pooled one stayed busy.
        assertTrue(DatabaseOutage.isCause(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException())));
        assertTrue(DatabaseOutage.isCause(new SQLException("Sorry, acquisition timeout!")));
        // pgjdbc: connection refused (08001), connection lost (08006).
        assertTrue(DatabaseOutage.isCause(new SQLException("Connection to localhost:5432 refused", "08001")));
        assertTrue(DatabaseOutage.isCause(new SQLException("An I/O error occurred while sending to the backend", "08006")));
        // The server: shutting down (57P01), crashed (57P02), starting (57P03), out of connections (53300).
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            assertTrue(DatabaseOutage.isCause(new SQLException("server", state)), state);
        }
        assertTrue(DatabaseOutage.isCause(new org.hibernate.exception.JDBCConnectionException("Unable to acquire",
                new SQLException("refused", "08001"))));
    }

    @Test
    void faultsOfTheRequestOrTheServiceAreNot() {
        assertFalse(DatabaseOutage.isCause(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseOutage.isCause(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.isCause(new SQLException("canceling statement due to statement timeout", "57014")));
        assertFalse(DatabaseOutage.isCause(new SQLException("no state")));
        assertFalse(DatabaseOutage.isCause(new IllegalStateException("bug")));
    }
}
