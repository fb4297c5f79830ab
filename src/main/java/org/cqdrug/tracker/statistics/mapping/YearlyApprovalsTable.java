package org.cqdrug.tracker.statistics.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.cqdrug.tracker.spreadsheet.Table;
import org.cqdrug.tracker.common.vocabulary.Category;

/** Yearly approval counts as spreadsheet rows: one per year, one column per category and per Class 1 category. */
public final class YearlyApprovalsTable {

    public static final Table<YearlyApprovals.Year> TABLE = Table.of(YearlyApprovals.Year.class)
            .replace("byCategory", perCategory("", YearlyApprovals.Year::byCategory))
            .replace("class1ByCategory", perCategory("class1_", YearlyApprovals.Year::class1ByCategory));

    private YearlyApprovalsTable() {
    }

    private static Map<String, Function<YearlyApprovals.Year, Object>> perCategory(String prefix,
            Function<YearlyApprovals.Year, Map<Category, Long>> counts) {
        Map<String, Function<YearlyApprovals.Year, Object>> columns = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            columns.put(prefix + category.name(), year -> counts.apply(year).get(category));
        }
        return columns;
    }
}
