package org.cqdrug.tracker.notification.mapping;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.cqdrug.tracker.notification.WebhookStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a key holder sends to subscribe an endpoint, or to change one. */
@Schema(name = "WebhookInput")
public record WebhookInput(
        @Schema(description = "Where events are POSTed: https, at a public address (unless the operator allows"
                + " private ones); redirects are not followed", example = "https://hooks.example.org/tracker")
        @NotBlank @Size(max = WebAddresses.MAX_LENGTH) String url,
        @Schema(description = "What the endpoint is for", example = "Planning office alerts") @Size(max = 500)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not hold control characters") String description,
        @Schema(description = "The event types to send, at least one", example = "[\"approval.created\", \"target.outlook_changed\"]")
        @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes,
        @Schema(description = "Only events of records whose sponsor is in this region", example = "CN-CQ")
        @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
        @Schema(description = "Only this target's events, and the record events in its scope") UUID targetId,
        @Schema(description = "Only events of this cluster's candidates and their approvals") UUID clusterId,
        @Schema(description = "Only events of this candidate and its approvals") UUID candidateId,
        @Schema(description = "ACTIVE (the default) or PAUSED, which holds its events until it is ACTIVE again; an"
                + " endpoint the service DISABLED is re-enabled by setting ACTIVE", example = "ACTIVE") WebhookStatus status) {

    public EventFilter filter() {
        return new EventFilter(eventTypes, regionCode, targetId, clusterId, candidateId);
    }
}
