package org.cqdrug.tracker.indicator.mapping;

import java.util.UUID;

import org.cqdrug.tracker.indicator.forecast.YearStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target's whole period against its cumulative minimum. */
@Schema(name = "CumulativeIndicator")
public record CumulativeIndicator(
        UUID targetId,
        String targetCode,
        @Schema(example = "2025") int fromYear,
        @Schema(example = "2027") int toYear,
        @Schema(description = "Counted approvals in the period up to the as-of date", example = "2") int cumulativeActual,
        @Schema(example = "3") int cumulativeMin,
        @Schema(description = "MET once reached; MISSED when the period ended below it; IN_PROGRESS or NOT_STARTED otherwise")
        YearStatus status) {
}
