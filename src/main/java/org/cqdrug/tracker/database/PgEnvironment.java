package org.cqdrug.tracker.database;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * libpq's PG* variables (as pg_virtualenv exports them) name the database when any of PGHOST, PGPORT or PGDATABASE
 * is set. When none is, this source says nothing, so that dev mode and the tests start a PostgreSQL through Dev
 * Services where Docker runs. Its ordinal (260) is above application.properties and below the environment's own
 * QUARKUS_DATASOURCE_* variables, which therefore still win.
 */
public class PgEnvironment implements ConfigSource {

    private static final int ORDINAL = 260;

    private final Map<String, String> properties;

    public PgEnvironment() {
        this(System.getenv());
    }

    PgEnvironment(Map<String, String> environment) {
        properties = new HashMap<>();
        if (environment.containsKey("PGHOST") || environment.containsKey("PGPORT") || environment.containsKey("PGDATABASE")) {
            properties.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + environment.getOrDefault("PGHOST", "localhost")
                    + ':' + environment.getOrDefault("PGPORT", "5432") + '/' + environment.getOrDefault("PGDATABASE", "postgres"));
            properties.put("quarkus.datasource.username", environment.getOrDefault("PGUSER", "postgres"));
            properties.put("quarkus.datasource.password", environment.getOrDefault("PGPASSWORD", ""));
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "PG* environment variables";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
