package org.cqdrug.tracker.apikey.mapping;

import java.time.Instant;
import java.util.UUID;

import org.cqdrug.tracker.access.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key as administrators see it: never its secret. */
@Schema(name = "ApiKey")
public record ApiKeyView(
        UUID id,
        @Schema(example = "municipal-dashboard") String name,
        Role role,
        @Schema(description = "The key's first characters, to tell keys apart", example = "cqd_4fJ2") String keyPrefix,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(nullable = true) Instant revokedAt,
        @Schema(description = "Last time the key authenticated a request, to the minute", nullable = true)
        Instant lastUsedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
