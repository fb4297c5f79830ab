package org.cqdrug.tracker.indicator.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every region's confirmed Class 1 approvals in a year beside the counts regions and the nation published. */
@Schema(name = "RegionalComparison")
public record RegionalComparison(
        @Schema(example = "2025") int year,
        @Schema(description = "The date counts are cut at", example = "2026-11-28") LocalDate asOf,
        @Schema(description = "The nation's published count for the year, the denominator of every share; null when"
                + " none is recorded", nullable = true) National national,
        @Schema(description = "One row per region with a sponsor in the record or a published count for the year,"
                + " ranked by counted") List<Region> regions) {

    /** The national total a region's share is taken of. */
    @Schema(name = "NationalCount")
    public record National(
            @Schema(description = "The surest of the nation's CLASS1_APPROVALS and NMPA_INNOVATIVE_DRUGS counts for the"
                    + " year, the Class 1 one between equals", example = "NMPA_INNOVATIVE_DRUGS") String metric,
            @Schema(example = "76") int value,
            @Schema(nullable = true) String sourceUrl,
            @Schema(example = "CONFIRMED") String evidence) {
    }

    @Schema(name = "RegionRow")
    public record Region(
            @Schema(description = "Place by counted, most first; regions with equal counts share a place",
                    example = "1") int rank,
            @Schema(example = "CN-CQ") String regionCode,
            @Schema(description = "Confirmed NMPA Class 1 approvals of sponsors in the region that certainly fall in"
                    + " the year, as of asOf: the tracker's own count", example = "1") int counted,
            @Schema(description = "Confirmed and reported approvals, the count if the reports hold", example = "1")
            int countedOrReported,
            @Schema(description = "The region's own published count for the whole year, if recorded: its claim, never"
                    + " part of counted or of the rank", example = "17", nullable = true) Integer published,
            @Schema(description = "How sure the published count is", nullable = true) String publishedEvidence,
            @Schema(nullable = true) String publishedSourceUrl,
            @Schema(description = "The share of the national total the published source states", nullable = true)
            BigDecimal publishedStatedShare,
            @Schema(description = "counted / published; null without a published count (or when it is 0)",
                    example = "0.0588", nullable = true) Double coverage,
            @Schema(description = "counted / the national total; null without one", example = "0.0132",
                    nullable = true) Double share,
            @Schema(description = "published / the national total; null without both", example = "0.2237",
                    nullable = true) Double publishedShare,
            @Schema(description = "Place by published count among the regions that have one", nullable = true)
            Integer publishedRank) {
    }
}
