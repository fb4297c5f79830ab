package org.cqdrug.tracker.indicator.mapping;

import java.util.Map;

import org.cqdrug.tracker.common.csv.CsvTable;

/** Indicator items in CSV, one row per target and year; forecast columns are empty for past years. */
public final class IndicatorCsv {

    /** The item's columns, with the counted approvals as their ids in one cell. */
    public static final CsvTable<YearIndicator> TABLE = CsvTable.of(YearIndicator.class).replace("approvals",
            Map.of("approvalIds", item -> item.approvals().stream().map(CountedApproval::id).toList()));

    private IndicatorCsv() {
    }
}
