package org.cqdrug.tracker.statistics.mapping;

import java.util.List;
import java.util.UUID;

import org.cqdrug.tracker.collaboration.CollaborationType;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one cluster produced: its pipeline now, and its approvals and collaborations in a year and up to its end. */
@Schema(name = "ClusterScorecard")
public record ClusterScorecard(
        UUID clusterId,
        @Schema(example = "chongqing-international-bio-city") String clusterCode,
        @Schema(example = "2026") int year,
        @Schema(description = "The evidence level counted: CONFIRMED counts confirmed facts, REPORTED confirmed or"
                + " reported ones, UNCONFIRMED all", example = "CONFIRMED") Evidence evidence,
        @Schema(description = "The cluster's candidates by phase at the evidence level, as the pipeline funnel counts them")
        List<PipelineFunnel.PhaseCount> candidatesByPhase,
        @Schema(description = "Approvals at the evidence level that certainly fall in the year") ApprovalCounts approvalsInYear,
        @Schema(description = "Approvals at the evidence level certainly dated up to the end of the year")
        ApprovalCounts approvalsToDate,
        @Schema(description = "Collaborations signed in the year, by type") List<TypeCount> collaborationsInYear,
        @Schema(description = "Collaborations signed up to the end of the year, by type") List<TypeCount> collaborationsToDate) {

    @Schema(name = "ApprovalCounts")
    public record ApprovalCounts(
            @Schema(description = "Approvals by any authority", example = "2") long all,
            @Schema(description = "Class 1 approvals by any authority", example = "1") long class1) {
    }

    @Schema(name = "CollaborationTypeCount")
    public record TypeCount(CollaborationType type, @Schema(example = "1") long count) {
    }
}
