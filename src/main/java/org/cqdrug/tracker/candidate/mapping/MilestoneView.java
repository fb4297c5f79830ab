package org.cqdrug.tracker.candidate.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a candidate's phase history. */
@Schema(name = "Milestone")
public record MilestoneView(
        UUID id,
        UUID candidateId,
        Phase phase,
        @Schema(description = "Null for a starting phase whose date is not known", example = "2023-03-15",
                nullable = true) LocalDate reachedOn,
        @Schema(description = "How precisely reachedOn is known; null when undated", nullable = true)
        DatePrecision datePrecision,
        @Schema(description = "The latest day it can have been reached on; null when undated", nullable = true)
        LocalDate latestReachedOn,
        @Schema(nullable = true) String sourceUrl,
        @Schema(nullable = true) String note,
        Evidence evidence,
        @Schema(description = "The approval that wrote this entry, if an approval did; delete the approval to remove it",
                nullable = true) UUID approvalId,
        @Schema(description = "The source document (/api/v1/sources) it was written from, if an import wrote it",
                nullable = true) UUID sourceDocumentId,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
