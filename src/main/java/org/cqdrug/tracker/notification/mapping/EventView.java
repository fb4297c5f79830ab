package org.cqdrug.tracker.notification.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event as a CloudEvents 1.0 event in its JSON form: the body of every webhook delivery, and an item of the
 * events list. Its data is thin: which record, where it is, and what changed, not the record itself.
 */
@Schema(name = "Event")
public record EventView(
        @Schema(description = "CloudEvents version", example = "1.0") String specversion,
        @Schema(description = "Stable: the same on every retry of a delivery (its webhook-id)",
                example = "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f") UUID id,
        @Schema(description = "This service (tracker.webhook.source)", example = "urn:cqdrug:tracker") String source,
        @Schema(description = "What happened: approval.created, approval.updated, approval.deleted,"
                + " candidate.created, candidate.phase_changed, candidate.updated, candidate.deleted,"
                + " target.status_changed, target.outlook_changed, published_count.created, published_count.updated,"
                + " published_count.deleted, source.applied, or webhook.ping", example = "approval.updated") String type,
        @Schema(description = "When the change was committed") Instant time,
        @Schema(description = "The path of the record the event is about", example = "/api/v1/approvals/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f")
        String subject,
        @Schema(example = "application/json") String datacontenttype,
        Data data) {

    /** The event's data: the record, its path, the fields changed, and what the type adds. */
    @Schema(name = "EventData")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(
            UUID id,
            @Schema(example = "/api/v1/approvals/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f") String path,
            @Schema(description = "The fields the change set or changed, as the record names them; none for a"
                    + " deletion, a ping or a target's event", example = "[\"evidence\", \"sourceUrl\"]")
            List<String> changedFields,
            @Schema(description = "The revision of the change, as the history and the change feed number it; none for"
                    + " a target's event or a ping", example = "42", nullable = true) Long revision,
            @Schema(description = "candidate.phase_changed: the phase before", example = "PHASE_3", nullable = true)
            String previousPhase,
            @Schema(description = "candidate.phase_changed: the phase now", example = "NDA_SUBMITTED", nullable = true)
            String phase,
            @Schema(description = "A target's event: the year judged, or 'total' for a TOTAL target's whole period",
                    example = "2026", nullable = true) String period,
            @Schema(description = "target.status_changed: the status before (null when first judged)", example = "IN_PROGRESS",
                    nullable = true) String previousStatus,
            @Schema(description = "target.status_changed: the status now", example = "MET", nullable = true) String status,
            @Schema(description = "target.outlook_changed: the outlook before", example = "ON_TRACK", nullable = true)
            String previousOutlook,
            @Schema(description = "target.outlook_changed: the outlook now", example = "AT_RISK", nullable = true)
            String outlook,
            @Schema(description = "target.outlook_changed: the forecast probability behind the outlook now",
                    example = "0.42", nullable = true) Double probability) {
    }
}
