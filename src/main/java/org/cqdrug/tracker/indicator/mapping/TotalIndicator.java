package org.cqdrug.tracker.indicator.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cqdrug.tracker.indicator.forecast.Outlook;
import org.cqdrug.tracker.indicator.forecast.YearStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A TOTAL target: the count of approvals since countFrom (or ever) against a goal for the end of toYear. */
@Schema(name = "TotalIndicator")
public record TotalIndicator(
        UUID targetId,
        @Schema(example = "cq-innovative-drugs-total-2027") String targetCode,
        @Schema(description = "Approvals count from this date; null counts them all", nullable = true) LocalDate countFrom,
        @Schema(example = "2027") int toYear,
        @Schema(example = "10") int goal,
        @Schema(description = "Confirmed approvals counted up to the as-of date", example = "1") int actual,
        YearIndicator.EvidenceCounts byEvidence,
        @Schema(description = "MET once reached; MISSED when toYear ended below the goal; IN_PROGRESS before;"
                + " NOT_STARTED before countFrom") YearStatus status,
        @Schema(description = "How many more reach the goal; never negative", example = "9") int shortfall,
        @Schema(description = "Expected total at the end of toYear, from the pipeline; null once toYear has ended",
                nullable = true) Double expected,
        @Schema(description = "P(total >= goal) at the end of toYear; null once toYear has ended", nullable = true)
        Double probabilityReachingGoal,
        @Schema(nullable = true) Outlook outlook,
        @Schema(description = "The approvals counted at any evidence level, oldest first. Listed with"
                + " include=approvals, left out otherwise", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CountedApproval> approvals,
        @Schema(description = "Approvals whose date range straddles the start or end of the period, or, as of a past"
                + " date, the date itself: not counted. Listed with include=approvals, left out otherwise",
                nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CountedApproval> uncertain,
        @Schema(description = "The longest published count of the same scope within the period, if one is recorded;"
                + " the region's own claim, never part of actual, status or the forecast", nullable = true)
        PublishedFigure published) {

    /** The same total without its lists of approvals, whose length grows with the record. */
    public TotalIndicator withoutApprovals() {
        return new TotalIndicator(targetId, targetCode, countFrom, toYear, goal, actual, byEvidence, status, shortfall,
                expected, probabilityReachingGoal, outlook, null, null, published);
    }
}
