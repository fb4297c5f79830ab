package org.cqdrug.tracker.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.cqdrug.tracker.common.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a webhook and a watchlist share: the API key they belong to, and the filter of the events they select (see
 * {@code EventFilter}, which reads these columns).
 */
@MappedSuperclass
public abstract class Subscription extends TrackedEntity {

    /** The name of the API key that made it. */
    @Column(nullable = false)
    public String owner;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes = new ArrayList<>();

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "target_id")
    public UUID targetId;

    @Column(name = "cluster_id")
    public UUID clusterId;

    @Column(name = "candidate_id")
    public UUID candidateId;
}
