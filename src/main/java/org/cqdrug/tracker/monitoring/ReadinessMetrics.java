package org.cqdrug.tracker.monitoring;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Readiness as gauges, so that an alert rule can say "not ready" and "database down" rather than guess them from
 * answers: {@code tracker_ready} is 1 while /q/health/ready is UP, and {@code tracker_database_up} is 1 while its
 * database check is. Both are the readiness checks themselves, run before each scrape; a check that does not finish
 * within its bound counts as down.
 */
@ApplicationScoped
public class ReadinessMetrics implements ScrapedGauges {

    /** The datasource check's name, as quarkus-agroal registers it. */
    private static final String DATABASE_CHECK = "database connections";
    /** Above the socket timeout, so that a silent database fails its check before this gives up on it. */
    private static final Duration CHECK_WITHIN = Duration.ofSeconds(12);

    private final SmallRyeHealthReporter health;
    private volatile double ready;
    private volatile double database;

    public ReadinessMetrics(SmallRyeHealthReporter health, MeterRegistry registry) {
        this.health = health;
        Gauge.builder("tracker.ready", () -> ready)
                .description("1 while the instance is ready (GET /q/health/ready answers UP), else 0").register(registry);
        Gauge.builder("tracker.database.up", () -> database)
                .description("1 while readiness's database check is UP, else 0").register(registry);
    }

    @Override
    public void refresh() {
        SmallRyeHealth readiness;
        try {
            readiness = health.getReadinessAsync().await().atMost(CHECK_WITHIN);
        } catch (RuntimeException e) {
            ready = 0;
            database = 0;
            throw e;
        }
        ready = readiness.isDown() ? 0 : 1;
        double databaseUp = 1;
        for (JsonValue check : readiness.getPayload().getJsonArray("checks")) {
            JsonObject each = check.asJsonObject();
            if (each.getString("name", "").toLowerCase(Locale.ROOT).contains(DATABASE_CHECK)
                    && !"UP".equals(each.getString("status", ""))) {
                databaseUp = 0;
            }
        }
        database = databaseUp;
    }
}
