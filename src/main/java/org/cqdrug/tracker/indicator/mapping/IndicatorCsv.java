package org.cqdrug.tracker.indicator.mapping;

import org.cqdrug.tracker.common.csv.CsvTable;

/** Indicator items in CSV, one row per target and year; forecast columns are empty for past years. */
public final class IndicatorCsv {

    public static final CsvTable<YearIndicator> TABLE = new CsvTable<YearIndicator>()
            .column("targetId", YearIndicator::targetId)
            .column("targetCode", YearIndicator::targetCode)
            .column("year", YearIndicator::year)
            .column("actual", YearIndicator::actual)
            .column("annualMin", YearIndicator::annualMin)
            .column("annualMax", YearIndicator::annualMax)
            .column("status", YearIndicator::status)
            .column("shortfall", YearIndicator::shortfall)
            .column("approvalIds", y -> y.approvals().stream().map(CountedApproval::id).toList())
            .column("expected", y -> y.forecast() == null ? null : y.forecast().expected())
            .column("probabilityMeetingMin", y -> y.forecast() == null ? null : y.forecast().probabilityMeetingMin())
            .column("probabilityWithinRange", y -> y.forecast() == null ? null : y.forecast().probabilityWithinRange())
            .column("outlook", y -> y.forecast() == null ? null : y.forecast().outlook())
            .column("candidatesConsidered", y -> y.forecast() == null ? null : y.forecast().candidatesConsidered());

    private IndicatorCsv() {
    }
}
