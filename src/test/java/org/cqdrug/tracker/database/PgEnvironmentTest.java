package org.cqdrug.tracker.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.UNIT)
class PgEnvironmentTest {

    @Test
    void withoutPgVariablesItSaysNothingSoThatDevServicesStartADatabase() {
        PgEnvironment source = new PgEnvironment(Map.of("PGUSER", "someone", "HOME", "/root"));
        assertTrue(source.getPropertyNames().isEmpty());
        assertEquals(null, source.getValue("quarkus.datasource.jdbc.url"));
    }

    @Test
    void pgVariablesNameTheDatabaseWithLibpqsDefaultsForTheOnesMissing() {
        PgEnvironment source = new PgEnvironment(Map.of("PGHOST", "db.internal", "PGDATABASE", "tracker",
                "PGUSER", "analyst", "PGPASSWORD", "secret"));
        assertEquals("jdbc:postgresql://db.internal:5432/tracker", source.getValue("quarkus.datasource.jdbc.url"));
        assertEquals("analyst", source.getValue("quarkus.datasource.username"));
        assertEquals("secret", source.getValue("quarkus.datasource.password"));
        assertEquals("jdbc:postgresql://localhost:5433/postgres",
                new PgEnvironment(Map.of("PGPORT", "5433")).getValue("quarkus.datasource.jdbc.url"));
    }

    @Test
    void theEnvironmentsOwnQuarkusVariablesOutrankIt() {
        // Environment variables have ordinal 300 in MicroProfile Config; application.properties 250.
        int ordinal = new PgEnvironment(Map.of()).getOrdinal();
        assertTrue(ordinal > 250 && ordinal < 300, "ordinal " + ordinal);
    }
}
