package org.cqdrug.tracker.indicator.mapping;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Past years forecast as they were known at their start and middle, against what happened. */
@Schema(name = "BacktestReport")
public record BacktestReport(
        UUID targetId,
        String targetCode,
        @Schema(example = "2023") int from,
        @Schema(example = "2025") int to,
        @Schema(description = "One forecast per year and as-of date (1 January, 1 July)") List<Row> rows,
        @Schema(description = "Mean of (probabilityMeetingMin - met)²: 0 is perfect, 0.25 is a coin toss",
                example = "0.12") double brierScore,
        @Schema(description = "Mean of |expected - actual|, in approvals", example = "0.6") double meanAbsoluteError,
        @Schema(description = "Forecasts grouped by their probabilityMeetingMin, against how often the minimum was met")
        List<CalibrationBin> calibration) {

    @Schema(name = "BacktestRow")
    public record Row(
            @Schema(example = "2024") int year,
            @Schema(description = "The date the forecast is made as of", example = "2024-01-01") LocalDate asOf,
            @Schema(description = "Confirmed approvals already dated in the year by then", example = "0") int certain,
            @Schema(example = "0.84") double expected,
            @Schema(example = "0.57") double probabilityMeetingMin,
            @Schema(description = "P(the year's count = count); the last entry is count or more")
            List<CountProbability> distribution,
            @Schema(description = "Confirmed approvals the year ended with", example = "1") int actual,
            @Schema(description = "Whether the year met its minimum") boolean met) {
    }


    @Schema(name = "CalibrationBin")
    public record CalibrationBin(
            @Schema(example = "0.4") double from,
            @Schema(example = "0.6") double to,
            @Schema(description = "Forecasts whose probabilityMeetingMin falls in [from, to)", example = "2") int forecasts,
            @Schema(nullable = true) Double meanPredicted,
            @Schema(description = "How often those years met their minimum", nullable = true) Double observed) {
    }
}
