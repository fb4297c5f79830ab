package org.cqdrug.tracker.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Ready only when the schema is the one this build expects: every migration it carries applied, none pending or
 * failed. The datasource's own check (from the extension) says whether the database answers at all. Migrations run
 * only at start, so once the schema is current that is remembered rather than read again at every probe.
 */
@Readiness
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {

    private final Flyway flyway;
    private volatile HealthCheckResponse current;

    public MigrationsCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        if (current != null) {
            return current;
        }
        try {
            var info = flyway.info();
            MigrationInfo applied = info.current();
            int pending = info.pending().length;
            boolean failed = applied != null && applied.getState().isFailed();
            HealthCheckResponse response = HealthCheckResponse.named("Database migrations")
                    .status(pending == 0 && applied != null && !failed)
                    .withData("version", applied == null ? "none" : String.valueOf(applied.getVersion()))
                    .withData("pending", pending)
                    .build();
            if (response.getStatus() == HealthCheckResponse.Status.UP) {
                this.current = response;
            }
            return response;
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("Database migrations").down().withData("error", e.getMessage()).build();
        }
    }
}
