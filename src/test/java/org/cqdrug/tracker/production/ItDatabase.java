package org.cqdrug.tracker.production;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.cqdrug.tracker.testsupport.TestDatabases;

/**
 * A fresh database for the packaged-app tests, created before the jar starts. The jar finds it through the same
 * environment variables docker/compose.yaml passes (QUARKUS_DATASOURCE_JDBC_URL and the rest), which Failsafe sets
 * (pom.xml); the PG* variables of pg_virtualenv name the server.
 */
public class ItDatabase implements QuarkusTestResourceLifecycleManager {

    /** The name Failsafe's QUARKUS_DATASOURCE_JDBC_URL ends with. */
    static final String NAME = "tracker_it";

    @Override
    public Map<String, String> start() {
        TestDatabases.recreate(NAME);
        return Map.of();
    }

    @Override
    public void stop() {
        // Left for a look after a failure; the next run drops it.
    }
}
