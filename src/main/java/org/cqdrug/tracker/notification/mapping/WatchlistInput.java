package org.cqdrug.tracker.notification.mapping;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A saved filter of the events, by name. */
@Schema(name = "WatchlistInput")
public record WatchlistInput(
        @Schema(example = "Chongqing approvals and outlook") @NotBlank @Size(max = 200)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not hold control characters") String name,
        @Schema(description = "The event types to show; all when none", example = "[\"approval.created\", \"target.outlook_changed\"]")
        @Size(max = 20) List<@NotBlank String> eventTypes,
        @Schema(example = "CN-CQ") @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
        UUID targetId,
        UUID clusterId,
        UUID candidateId) {

    public EventFilter filter() {
        return new EventFilter(eventTypes, regionCode, targetId, clusterId, candidateId);
    }
}
