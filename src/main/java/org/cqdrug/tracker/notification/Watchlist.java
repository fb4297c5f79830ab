package org.cqdrug.tracker.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.cqdrug.tracker.common.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved filter of the events, with its own feed for a feed reader; it belongs to the API key that made it. */
@Entity
@Table(name = "watchlist")
public class Watchlist extends TrackedEntity {

    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String name;

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
