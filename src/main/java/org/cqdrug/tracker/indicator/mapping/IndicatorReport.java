package org.cqdrug.tracker.indicator.mapping;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Targets against actual Class 1 approvals, per year and over the whole period, as of a date. */
@Schema(name = "IndicatorReport")
public record IndicatorReport(
        @Schema(description = "The date counts are cut at", example = "2026-11-28") LocalDate asOf,
        @Schema(description = "One item per target and year") List<YearIndicator> items,
        @Schema(description = "One item per ANNUAL target that sets a cumulative minimum") List<CumulativeIndicator> cumulative,
        @Schema(description = "One item per TOTAL target") List<TotalIndicator> totals) {

    /** The same report without the lists of approvals: counts, statuses and forecasts, of a size that stays put. */
    public IndicatorReport withoutApprovals() {
        return new IndicatorReport(asOf, items.stream().map(YearIndicator::withoutApprovals).toList(), cumulative,
                totals.stream().map(TotalIndicator::withoutApprovals).toList());
    }
}
