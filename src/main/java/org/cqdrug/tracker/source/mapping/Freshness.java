package org.cqdrug.tracker.source.mapping;

import java.time.Instant;
import java.util.UUID;

import org.cqdrug.tracker.source.SourceKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How current the record is for one kind of list: the latest copy applied to it. */
@Schema(name = "Freshness")
public record Freshness(
        SourceKind kind,
        @Schema(nullable = true, description = "The latest applied document of this kind by retrieval time; null when none") UUID documentId,
        @Schema(nullable = true) Instant retrievedAt,
        @Schema(nullable = true, description = "Whole days since it was retrieved, in the service's calendar", example = "3") Long ageDays,
        @Schema(description = "Documents of this kind uploaded and not yet applied", example = "0") long pending) {
}
