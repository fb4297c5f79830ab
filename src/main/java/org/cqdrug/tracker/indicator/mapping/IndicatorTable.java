package org.cqdrug.tracker.indicator.mapping;

import java.util.Map;

import org.cqdrug.tracker.common.table.Table;

/** Indicator items in CSV, one row per target and year; forecast columns are empty for past years. */
public final class IndicatorTable {

    /** The item's columns, with the counted approvals as their ids in one cell. */
    public static final Table<YearIndicator> TABLE = Table.of(YearIndicator.class).replace("approvals",
            Map.of("approvalIds", item -> item.approvals().stream().map(CountedApproval::id).toList()));

    private IndicatorTable() {
    }
}
