package org.cqdrug.tracker.indicator.mapping;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.cqdrug.tracker.indicator.forecast.YearStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One target in one year. */
@Schema(name = "YearIndicator")
public record YearIndicator(
        UUID targetId,
        @Schema(example = "cq-class1-approvals-2025-2027") String targetCode,
        @Schema(example = "2026") int year,
        @Schema(description = "Counted approvals in the year up to the as-of date", example = "1") int actual,
        @Schema(example = "1") int annualMin,
        @Schema(example = "3", nullable = true) Integer annualMax,
        YearStatus status,
        @Schema(description = "How many more approvals reach annualMin; never negative", example = "0") int shortfall,
        @Schema(description = "The approvals that count at any evidence level, oldest first; actual counts the"
                + " confirmed ones. Listed with include=approvals, left out otherwise", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CountedApproval> approvals,
        @Schema(description = "For the as-of year and later years; null for past years", nullable = true) Forecast forecast,
        @Schema(description = "The year's count at each evidence level, so that a dashboard can show \"1 confirmed,"
                + " 2 if the reports hold\"") EvidenceCounts byEvidence,
        @Schema(description = "Approvals that may fall in this year but not certainly: a range that spans this year and"
                + " another (listed in each year it may fall in, counted in none), or, as of a past date, one whose"
                + " range the date lies within. Listed with include=approvals, left out otherwise", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CountedApproval> uncertain,
        @Schema(description = "The region's or cluster's own published count for the year (or the longest part of"
                + " it), if one is recorded; never part of actual or status", nullable = true) PublishedFigure published) {

    /** The same item without its lists of approvals, whose length grows with the record. */
    public YearIndicator withoutApprovals() {
        return new YearIndicator(targetId, targetCode, year, actual, annualMin, annualMax, status, shortfall, null,
                forecast, byEvidence, null, published);
    }

    /** A year's count at each evidence level; status, shortfall and forecast use the confirmed one. */
    @Schema(name = "EvidenceCounts")
    public record EvidenceCounts(
            @Schema(description = "Confirmed approvals: the year's actual count", example = "1") int confirmed,
            @Schema(description = "Confirmed and reported approvals", example = "2") int confirmedOrReported,
            @Schema(description = "Every approval, unconfirmed ones included", example = "2") int all) {
    }
}
