package org.cqdrug.tracker.notification.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Events, newest first. */
@Schema(name = "EventPage")
public record EventPage(
        List<EventView> items,
        @Schema(description = "Pass as cursor for older events; null on the last page", nullable = true) String nextCursor) {
}
