package org.cqdrug.tracker.apikey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.cqdrug.tracker.common.TrackedEntity;
import org.cqdrug.tracker.access.Role;

/** A key a client authenticates with. Only the SHA-256 of the key is kept; the key is shown once, at creation. */
@Entity
@Table(name = "api_key")
public class ApiKey extends TrackedEntity {

    /** Who holds the key; it names the author of every change made with it. */
    @Column(nullable = false, unique = true)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /** Hex SHA-256 of the key. */
    @Column(name = "key_hash", nullable = false, unique = true)
    public String keyHash;

    /** The key's first characters, enough for a person to tell keys apart, too few to use one. */
    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
