package org.cqdrug.tracker.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.cqdrug.tracker.common.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An endpoint that is sent the events its filter matches, signed with its secret. It belongs to the API key that
 * made it, and is not tracked data: no history, no change feed, so its secret is written nowhere else.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends TrackedEntity {

    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String url;

    public String description;

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

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookStatus status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Override
    public String toString() {
        return "Webhook " + id + " to " + url; // never the secret
    }
}
