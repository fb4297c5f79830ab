package org.cqdrug.tracker.notification.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one endpoint, with each attempt. */
@Schema(name = "Delivery")
public record DeliveryView(
        UUID id,
        @Schema(description = "The event, and the webhook-id of every attempt") UUID eventId,
        @Schema(example = "approval.created") String eventType,
        @Schema(description = "PENDING until an attempt succeeds (DELIVERED), or until the retry window is spent or"
                + " the endpoint is gone (FAILED)", example = "DELIVERED") String state,
        @Schema(example = "1") int attempts,
        @Schema(description = "When the next attempt is due, while PENDING", nullable = true) Instant nextAttemptAt,
        Instant createdAt,
        @Schema(description = "The delivery this one replays", nullable = true) UUID replayOf,
        List<Attempt> attemptLog) {

    /** One attempt: what the receiver answered, and how fast. */
    @Schema(name = "DeliveryAttempt")
    public record Attempt(
            @Schema(example = "1") int number,
            @Schema(description = "The instance of the service that made it", example = "tracker-7d9f-1") String instance,
            Instant startedAt,
            @Schema(description = "The receiver's HTTP status; null when it did not answer", example = "200", nullable = true)
            Integer status,
            @Schema(example = "38", nullable = true) Integer latencyMs,
            @Schema(description = "Why it failed without an answer, or how the answer was taken", nullable = true,
                    example = "timed out after PT10S") String error,
            @Schema(description = "The answer's first 200 characters", nullable = true, example = "ok") String answerHead) {
    }
}
