package org.cqdrug.tracker.common.http;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** The database's change counter (table change_log), which triggers bump inside every writing transaction. */
@ApplicationScoped
public class ChangeLog {

    private final DataSource dataSource;

    public ChangeLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The counter as committed now; read on a connection of its own, outside any transaction of the request. */
    public long current() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version from change_log where id = 1")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change counter", e);
        }
    }
}
