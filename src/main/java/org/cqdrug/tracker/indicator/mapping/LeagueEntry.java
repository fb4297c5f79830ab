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
        @Schema(description = "ANNUAL: the yearly minimum; TOTAL: the total goal", example = "10") int goal,
        @Schema(description = "Confirmed approvals counted toward it up to the as-of date (ANNUAL: over the years of"
                + " the period so far)", example = "1") int actual,
        @Schema(description = "ANNUAL only: the years judged so far, the past years of the period and the as-of year"
                + " once it has reached its minimum", example = "1", nullable = true) Integer yearsJudged,
        @Schema(description = "ANNUAL only: the judged years that reached the yearly minimum", example = "0",
                nullable = true) Integer yearsMet,
        @Schema(description = "ANNUAL: yearsMet / yearsJudged, null while no year is judged; TOTAL: actual / goal"
                + " (1 when the goal is 0). What the league ranks by first", example = "0.1", nullable = true)
        Double shareReached,
        YearStatus status,
        @Schema(description = "ANNUAL: P(the as-of year meets its minimum), while the period is open; TOTAL: P(the goal"
                + " is reached by the end of toYear); null once the period has ended. What the league ranks by next",
                nullable = true)
        Double probability,
        @Schema(nullable = true) Outlook outlook,
        @Schema(description = "The longest published count of the target's region (or cluster) within its period,"
                + " if one is recorded: the region's own claim, beside actual and never in it or in the rank",
                nullable = true) PublishedFigure published) {

    /** The entry at its place in the ranking. */
    public LeagueEntry ranked(int place) {
        return new LeagueEntry(place, targetId, targetCode, name, nameZh, kind, regionCode, fromYear, toYear, goal,
                actual, yearsJudged, yearsMet, shareReached, status, probability, outlook, published);
    }
}
