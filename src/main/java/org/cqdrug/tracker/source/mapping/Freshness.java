package org.cqdrug.tracker.source.mapping;

import java.time.Instant;
import java.util.UUID;

import org.cqdrug.tracker.source.DocumentStatus;
import org.cqdrug.tracker.source.SourceKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How current the record is for one kind of list: its latest saved copy. */
@Schema(name = "Freshness")
public record Freshness(
        SourceKind kind,
        @Schema(nullable = true, description = "The latest document of this kind by retrieval time; null when none") UUID documentId,
        @Schema(nullable = true) Instant retrievedAt,
        @Schema(nullable = true, description = "Whole days since it was retrieved, in the service's calendar", example = "3") Long ageDays,
        @Schema(nullable = true) DocumentStatus status) {
}
