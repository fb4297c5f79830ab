package org.cqdrug.tracker.indicator.mapping;

import java.math.BigDecimal;
import java.util.Map;

import org.cqdrug.tracker.spreadsheet.Table;

/** Indicator items as spreadsheet rows, one per target and year; forecast columns are empty for past years. */
public final class IndicatorTable {

    /**
     * The item's columns, with the counted approvals as their ids in one cell, and the forecast's distribution as
     * count=probability pairs in another ("4+" for the last entry when it means that count or more).
     */
    public static final Table<YearIndicator> TABLE = Table.of(YearIndicator.class)
            .replace("approvals", Map.of("approvalIds", item -> item.approvals().stream().map(CountedApproval::id).toList()))
            .replace("distribution", Map.of("distribution", item -> item.forecast() == null ? null
                    : item.forecast().distribution().stream()
                            .map(entry -> entry.count() + (entry.orMore() ? "+" : "") + "="
                                    + BigDecimal.valueOf(entry.probability()).toPlainString())
                            .toList()));

    private IndicatorTable() {
    }
}
