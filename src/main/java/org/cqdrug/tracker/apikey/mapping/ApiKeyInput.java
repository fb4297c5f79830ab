package org.cqdrug.tracker.apikey.mapping;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.access.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator sends to create a key. */
@Schema(name = "ApiKeyInput")
public record ApiKeyInput(
        @Schema(description = "Who holds the key; unique, and recorded as the author of every change made with it",
                example = "municipal-dashboard")
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} ._@-]*$",
                message = "must start with a letter or digit and hold only letters, digits, spaces and . _ @ -")
        String name,
        @Schema(example = "EDITOR") @NotNull Role role,
        @Schema(description = "When the key stops working, a future instant; never when left out", example = "2027-12-31T16:00:00Z")
        Instant expiresAt) {
}
