package org.cqdrug.tracker.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * An endpoint that is sent the events its filter matches, signed with its secret. It belongs to the API key that
 * made it, and is not tracked data: no history, no change feed, so its secret is written nowhere else.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends Subscription {

    @Column(nullable = false)
    public String url;

    public String description;

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
