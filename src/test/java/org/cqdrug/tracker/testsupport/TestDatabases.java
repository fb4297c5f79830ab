package org.cqdrug.tracker.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Databases of their own on the PostgreSQL server the PG* variables name (pg_virtualenv), for tests that must not
 * share the suite's: an empty one, one at the first schema version, the packaged app's, two instances'.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "localhost") + ':'
                + System.getenv().getOrDefault("PGPORT", "5432") + '/' + database;
    }

    public static String user() {
        return System.getenv().getOrDefault("PGUSER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("PGPASSWORD", "");
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user(), password());
    }

    /** Drops the database if a failed run left it, and creates it empty. */
    public static void recreate(String database) {
        try (Connection admin = connect(System.getenv().getOrDefault("PGDATABASE", "postgres"));
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database, e);
        }
    }
}
