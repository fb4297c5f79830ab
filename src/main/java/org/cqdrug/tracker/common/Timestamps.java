package org.cqdrug.tracker.common;

import java.time.Clock;

import io.quarkus.arc.Arc;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * Stamps createdAt and updatedAt from the service's one clock, so that the day a row was recorded is the service's
 * day, the same "today" every rule reads (JPA entity listeners are not CDI beans, hence the lookup).
 */
public class Timestamps {

    @PrePersist
    void created(TrackedEntity row) {
        row.createdAt = Arc.container().instance(Clock.class).get().instant();
        row.updatedAt = row.createdAt;
    }

    @PreUpdate
    void updated(TrackedEntity row) {
        row.updatedAt = Arc.container().instance(Clock.class).get().instant();
    }
}
