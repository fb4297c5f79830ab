package org.cqdrug.tracker.notification.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A saved filter of the events, and where its feed is. */
@Schema(name = "Watchlist")
public record WatchlistView(
        UUID id,
        @Schema(example = "planning-office") String owner,
        @Schema(example = "Chongqing approvals and outlook") String name,
        List<String> eventTypes,
        @Schema(nullable = true) String regionCode,
        @Schema(nullable = true) UUID targetId,
        @Schema(nullable = true) UUID clusterId,
        @Schema(nullable = true) UUID candidateId,
        @Schema(description = "Its events as Atom, for a feed reader", example = "/api/v1/watchlists/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f/events?format=atom")
        String feed,
        Instant createdAt,
        Instant updatedAt,
        @Schema(example = "0") long version) {

    public WatchlistInput toInput() {
        return new WatchlistInput(name, eventTypes, regionCode, targetId, clusterId, candidateId);
    }
}
