package org.cqdrug.tracker.changes.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed. */
@Schema(name = "ChangePage")
public record ChangePage(
        List<Change> items,
        @Schema(description = "Pass as cursor, with the same since, for the rest of this feed; null on the last page",
                nullable = true) String nextCursor,
        @Schema(description = "The highest revision committed when this page was read; once nextCursor is null, poll"
                + " again with since set to it", example = "57") long latestRevision,
        @Schema(description = "When that revision was committed: the time the data last changed; null before any"
                + " change", nullable = true) java.time.Instant latestChangedAt) {
}
