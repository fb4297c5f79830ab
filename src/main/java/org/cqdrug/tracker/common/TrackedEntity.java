package org.cqdrug.tracker.common;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

/**
 * Identity, timestamps (from the service's clock, see Timestamps) and optimistic-locking version shared by every
 * stored row.
 * Ids are time-ordered UUIDs (version 7), which keeps keyset paging stable as rows are added.
 */
@MappedSuperclass
@EntityListeners(Timestamps.class)
public abstract class TrackedEntity extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
