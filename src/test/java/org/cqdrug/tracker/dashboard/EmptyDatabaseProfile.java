package org.cqdrug.tracker.dashboard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service on a database of its own, so that emptying it disturbs no other test. Flyway's locations are fixed at
 * build time, so the demo rows arrive here too; {@link #empty()} removes them.
 */
public class EmptyDatabaseProfile implements QuarkusTestProfile {

    static final String DATABASE = "tracker_empty";

    /** Removes every row the API shows, leaving the schema. */
    static void empty() {
        org.cqdrug.tracker.common.TestData.execute("truncate cluster, organization, candidate, approval, milestone, target,"
                + " collaboration, collaboration_party cascade");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshDatabase.class));
    }

    public static class FreshDatabase implements QuarkusTestResourceLifecycleManager {

        private static String url(String database) {
            return "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "localhost") + ':'
                    + System.getenv().getOrDefault("PGPORT", "5432") + '/' + database;
        }

        private static void run(String sql) {
            try (Connection connection = DriverManager.getConnection(
                    url(System.getenv().getOrDefault("PGDATABASE", "postgres")),
                    System.getenv().getOrDefault("PGUSER", "postgres"), System.getenv().getOrDefault("PGPASSWORD", ""));
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Map<String, String> start() {
            run("drop database if exists " + DATABASE + " with (force)");
            run("create database " + DATABASE);
            return Map.of("quarkus.datasource.jdbc.url", url(DATABASE));
        }

        @Override
        public void stop() {
            // Dropped at the next start, so that a failed run leaves it to look at.
        }
    }
}
