package org.cqdrug.tracker.indicator.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A count the region (or cluster) published about itself for a period, beside the count of the tracker's records for
 * the same scope and period. It is the source's claim: never part of an actual count, a status or a forecast.
 */
@Schema(name = "PublishedFigure")
public record PublishedFigure(
        @Schema(description = "The published count (/api/v1/published-counts)") UUID id,
        @Schema(example = "2025-01-01") LocalDate periodFrom,
        @Schema(example = "2025-12-31") LocalDate periodTo,
        @Schema(description = "The count as published", example = "17") int value,
        @Schema(description = "The share of the national total the source states", example = "0.2237", nullable = true)
        BigDecimal nationalShare,
        @Schema(nullable = true) String sourceUrl,
        @Schema(description = "How sure the published figure is") Evidence evidence,
        @Schema(nullable = true) LocalDate publishedOn,
        @Schema(description = "Confirmed approvals in the tracker's records that certainly fall in the same period, as"
                + " of the as-of date", example = "1") int counted,
        @Schema(description = "counted / value: how much of the published count the record holds; null when value"
                + " is 0", example = "0.0588", nullable = true) Double coverage) {
}
