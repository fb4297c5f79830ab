package org.cqdrug.tracker.indicator.mapping;

import java.util.UUID;

import org.cqdrug.tracker.indicator.forecast.Outlook;
import org.cqdrug.tracker.indicator.forecast.YearStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One target's progress in the league table of every target. */
@Schema(name = "LeagueEntry")
public record LeagueEntry(
        @Schema(example = "1") int rank,
        UUID targetId,
        @Schema(example = "cq-innovative-drugs-total-2027") String targetCode,
        String name,
        @Schema(nullable = true) String nameZh,
        @Schema(example = "TOTAL") String kind,
        @Schema(nullable = true, example = "CN-CQ") String regionCode,
        @Schema(example = "2025") int fromYear,
        @Schema(example = "2027") int toYear,
        @Schema(description = "ANNUAL: the yearly minimum times the years of the period; TOTAL: the goal", example = "10")
        int goal,
        @Schema(description = "Confirmed approvals counted toward it up to the as-of date", example = "1") int actual,
        @Schema(description = "actual / goal (1 when the goal is 0)", example = "0.1") double shareReached,
        YearStatus status,
        @Schema(description = "ANNUAL: P(the as-of year meets its minimum), while the period is open; TOTAL: P(the goal"
                + " is reached by the end of toYear); null once the period has ended", nullable = true)
        Double probability,
        @Schema(nullable = true) Outlook outlook) {
}
