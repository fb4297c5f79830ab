package org.cqdrug.tracker.indicator.mapping;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.cqdrug.tracker.spreadsheet.Table;

/** Indicator answers as spreadsheet rows. */
public final class IndicatorTable {

    /**
     * One row per target and year: the counted and uncertain approvals as their ids in one cell each, the forecast's
     * distribution as count=probability pairs in another ("4+" for the last entry when it means that count or more;
     * empty for past years), and the published figure in columns of its own.
     */
    public static final Table<YearIndicator> TABLE = Table.of(YearIndicator.class)
            .replace("approvals", Map.of("approvalIds", item -> item.approvals().stream().map(CountedApproval::id).toList()))
            .replace("uncertain", Map.of("uncertainApprovalIds",
                    item -> item.uncertain().stream().map(CountedApproval::id).toList()))
            .replace("distribution", Map.of("distribution", item -> item.forecast() == null ? null
                    : item.forecast().distribution().stream()
                            .map(entry -> entry.count() + (entry.orMore() ? "+" : "") + "="
                                    + BigDecimal.valueOf(entry.probability()).toPlainString())
                            .toList()))
            .replace("published", published(YearIndicator::published));

    /** One row per TOTAL target, in the same columns as {@link #TABLE} where they mean the same. */
    public static final Table<TotalIndicator> TOTALS = Table.of(TotalIndicator.class)
            .replace("approvals", Map.of("approvalIds", item -> item.approvals().stream().map(CountedApproval::id).toList()))
            .replace("uncertain", Map.of("uncertainApprovalIds",
                    item -> item.uncertain().stream().map(CountedApproval::id).toList()))
            .replace("published", published(TotalIndicator::published));

    /** One row per target, its published figure in columns of its own. */
    public static final Table<LeagueEntry> LEAGUE = Table.of(LeagueEntry.class).replace("published",
            published(LeagueEntry::published));

    /** One row per region. */
    public static final Table<RegionalComparison.Region> REGIONS = Table.of(RegionalComparison.Region.class);

    private IndicatorTable() {
    }

    /** A published figure's columns, each named "published…": its claim and the records for its period, side by side. */
    private static <V> Map<String, Function<V, Object>> published(Function<V, PublishedFigure> figure) {
        Map<String, Function<V, Object>> columns = new LinkedHashMap<>();
        columns.put("publishedCountId", row -> field(figure.apply(row), PublishedFigure::id));
        columns.put("publishedPeriodFrom", row -> field(figure.apply(row), PublishedFigure::periodFrom));
        columns.put("publishedPeriodTo", row -> field(figure.apply(row), PublishedFigure::periodTo));
        columns.put("publishedValue", row -> field(figure.apply(row), PublishedFigure::value));
        columns.put("publishedNationalShare", row -> field(figure.apply(row), PublishedFigure::nationalShare));
        columns.put("publishedSourceUrl", row -> field(figure.apply(row), PublishedFigure::sourceUrl));
        columns.put("publishedEvidence", row -> field(figure.apply(row), PublishedFigure::evidence));
        columns.put("publishedOn", row -> field(figure.apply(row), PublishedFigure::publishedOn));
        columns.put("publishedPeriodCounted", row -> field(figure.apply(row), PublishedFigure::counted));
        columns.put("publishedCoverage", row -> field(figure.apply(row), PublishedFigure::coverage));
        return columns;
    }

    private static Object field(PublishedFigure figure, Function<PublishedFigure, Object> read) {
        return figure == null ? null : read.apply(figure);
    }
}
