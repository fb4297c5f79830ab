package org.cqdrug.tracker.production;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh database for the packaged-app tests, created before the jar starts. The jar finds it through the same
 * environment variables docker/compose.yaml passes (QUARKUS_DATASOURCE_JDBC_URL and the rest), which Failsafe sets
 * (pom.xml); the PG* variables of pg_virtualenv name the server.
 */
public class ItDatabase implements QuarkusTestResourceLifecycleManager {

    /** The name Failsafe's QUARKUS_DATASOURCE_JDBC_URL ends with. */
    static final String NAME = "tracker_it";

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "localhost")
                + ':' + System.getenv().getOrDefault("PGPORT", "5432") + '/' + database,
                System.getenv().getOrDefault("PGUSER", "postgres"), System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    @Override
    public Map<String, String> start() {
        try (Connection admin = connect(System.getenv().getOrDefault("PGDATABASE", "postgres"));
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + NAME + " with (force)");
            statement.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the packaged-app tests' database", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // Left for a look after a failure; the next run drops it.
    }
}
