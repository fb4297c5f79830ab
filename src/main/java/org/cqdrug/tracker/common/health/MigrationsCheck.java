package org.cqdrug.tracker.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Ready only when the schema is the one this build expects: every migration it carries applied, none pending or
 * failed. The datasource's own check (from the extension) says whether the database answers at all.
 */
@Readiness
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {

    private final Flyway flyway;

    public MigrationsCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            var info = flyway.info();
            MigrationInfo current = info.current();
            int pending = info.pending().length;
            boolean failed = current != null && current.getState().isFailed();
            return HealthCheckResponse.named("Database migrations")
                    .status(pending == 0 && current != null && !failed)
                    .withData("version", current == null ? "none" : String.valueOf(current.getVersion()))
                    .withData("pending", pending)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("Database migrations").down().withData("error", e.getMessage()).build();
        }
    }
}
