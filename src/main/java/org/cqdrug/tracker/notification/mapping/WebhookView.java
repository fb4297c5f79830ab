package org.cqdrug.tracker.notification.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cqdrug.tracker.notification.WebhookStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscribed endpoint, without its secret. */
@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(description = "The name of the API key it belongs to", example = "planning-office") String owner,
        @Schema(example = "https://hooks.example.org/tracker") String url,
        @Schema(nullable = true) String description,
        List<String> eventTypes,
        @Schema(nullable = true) String regionCode,
        @Schema(nullable = true) UUID targetId,
        @Schema(nullable = true) UUID clusterId,
        @Schema(nullable = true) UUID candidateId,
        WebhookStatus status,
        @Schema(description = "Why the service disabled it", nullable = true,
                example = "The receiver answered 410 Gone at 2026-12-02T10:00:00Z") String disabledReason,
        @Schema(description = "Until when the secret replaced by the last rotation still signs, beside the new one",
                nullable = true) Instant previousSecretUntil,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Row version; the ETag is this number in double quotes", example = "0") long version) {

    public WebhookInput toInput() {
        return new WebhookInput(url, description, eventTypes, regionCode, targetId, clusterId, candidateId, status);
    }
}
