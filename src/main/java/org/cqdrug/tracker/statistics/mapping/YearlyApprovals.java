package org.cqdrug.tracker.statistics.mapping;

import java.util.List;
import java.util.Map;

import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Approval counts per year; every year of the range is present, zeros included. */
@Schema(name = "YearlyApprovals")
public record YearlyApprovals(
        @Schema(example = "2020") int from,
        @Schema(example = "2026") int to,
        @Schema(description = "The evidence level counted: CONFIRMED counts confirmed facts, REPORTED confirmed or"
                + " reported ones, UNCONFIRMED all", example = "CONFIRMED") Evidence evidence,
        List<Year> items) {

    @Schema(name = "YearlyApprovalCount")
    public record Year(
            @Schema(example = "2024") int year,
            @Schema(description = "All approvals matching the filters", example = "3") long total,
            @Schema(description = "Class 1 approvals (\"1\" or \"1.x\") matching the filters", example = "1") long class1,
            @Schema(description = "All approvals by category as approved") Map<Category, Long> byCategory,
            @Schema(description = "Class 1 approvals by category as approved") Map<Category, Long> class1ByCategory,
            @Schema(description = "Approvals (any class) that may fall in this year but are counted in no year: their"
                    + " date is known only to a range spanning two years or more", example = "0") long uncertain) {
    }
}
