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
                + " from the recorded count up to one past annualMax (or annualMin when there is no maximum), the last"
                + " being that count or more (orMore); it stops earlier where the pipeline can add no more")
        List<CountProbability> distribution) {
}
