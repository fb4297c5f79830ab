package org.cqdrug.tracker.statistics.mapping;

import org.cqdrug.tracker.candidate.Category;
import org.cqdrug.tracker.common.csv.CsvTable;

/** Yearly approval counts in CSV: one row per year, one column per category and per Class 1 category. */
public final class YearlyApprovalsCsv {

    public static final CsvTable<YearlyApprovals.Year> TABLE = build();

    private YearlyApprovalsCsv() {
    }

    private static CsvTable<YearlyApprovals.Year> build() {
        CsvTable<YearlyApprovals.Year> table = new CsvTable<YearlyApprovals.Year>()
                .column("year", YearlyApprovals.Year::year)
                .column("total", YearlyApprovals.Year::total)
                .column("class1", YearlyApprovals.Year::class1);
        for (Category category : Category.values()) {
            table.column(category.name(), y -> y.byCategory().get(category));
        }
        for (Category category : Category.values()) {
            table.column("class1_" + category.name(), y -> y.class1ByCategory().get(category));
        }
        return table;
    }
}
