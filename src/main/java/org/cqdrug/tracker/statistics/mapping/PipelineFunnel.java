package org.cqdrug.tracker.statistics.mapping;

import java.util.List;

import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Candidates by current phase and category; every phase and category is present, zeros included. */
@Schema(name = "PipelineFunnel")
public record PipelineFunnel(
        @Schema(description = "The evidence level counted: CONFIRMED counts confirmed facts, REPORTED confirmed or"
                + " reported ones, UNCONFIRMED all", example = "CONFIRMED") Evidence evidence,
        @Schema(example = "12") long total,
        @Schema(description = "In phase order, PRECLINICAL to DISCONTINUED") List<PhaseCount> byPhase,
        List<CategoryCount> byCategory,
        @Schema(description = "Every phase and category pair") List<PhaseCategoryCount> byPhaseAndCategory) {

    @Schema(name = "PhaseCount")
    public record PhaseCount(Phase phase, @Schema(example = "3") long count) {
    }

    @Schema(name = "CategoryCount")
    public record CategoryCount(Category category, @Schema(example = "5") long count) {
    }

    @Schema(name = "PhaseCategoryCount")
    public record PhaseCategoryCount(Phase phase, Category category, @Schema(example = "2") long count) {
    }
}
