package org.cqdrug.tracker.apikey.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating a key: the key itself, shown this once, and what is kept of it. */
@Schema(name = "CreatedApiKey")
public record CreatedApiKey(
        @Schema(description = "The secret to send as 'Authorization: Bearer <key>'. It is not stored and cannot be"
                + " shown again.", example = "cqd_4fJ2kQ9xV0aZ3mN8pR1sT6uW5yB7cD2eF4gH6iJ8kL0") String key,
        ApiKeyView apiKey) {
}
