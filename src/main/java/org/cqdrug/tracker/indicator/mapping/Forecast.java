package org.cqdrug.tracker.indicator.mapping;

import java.util.List;
import java.util.UUID;

import org.cqdrug.tracker.indicator.forecast.Outlook;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The distribution of a year's count: approvals already recorded plus the pipeline's chances. */
@Schema(name = "Forecast")
public record Forecast(
        @Schema(description = "Expected count for the whole year", example = "1.42") double expected,
        @Schema(description = "P(count >= annualMin)", example = "0.71") double probabilityMeetingMin,
        @Schema(description = "P(annualMin <= count <= annualMax); equals probabilityMeetingMin when there is no maximum",
                example = "0.70") double probabilityWithinRange,
        Outlook outlook,
        @Schema(description = "In-scope candidates in development that the forecast weighed", example = "5")
        long candidatesConsidered,
        @Schema(description = "Those of them with no dated milestone: their time in their phase is counted from the day"
                + " they were recorded, an assumption rather than a fact")
        List<UUID> timedFromRecording,
        @Schema(description = "The year's count, recorded approvals included, and its probability: one entry per count"
                + " from the recorded count up, the last one being that count or more (orMore). It reaches past"
                + " annualMax, or annualMin when there is no maximum, and stops where the pipeline can add no more")
        List<CountProbability> distribution) {

    /** P(the year's count = count), or P(count or more) for the last entry. */
    @Schema(name = "CountProbability")
    public record CountProbability(
            @Schema(example = "2") int count,
            @Schema(description = "True for the last entry: the probability of this count or more") boolean orMore,
            @Schema(example = "0.31") double probability) {
    }
}
