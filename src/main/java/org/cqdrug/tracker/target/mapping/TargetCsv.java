package org.cqdrug.tracker.target.mapping;

import org.cqdrug.tracker.common.csv.CsvTable;

/** Target rows in CSV. */
public final class TargetCsv {

    public static final CsvTable<TargetView> TABLE = new CsvTable<TargetView>()
            .column("id", TargetView::id)
            .column("code", TargetView::code)
            .column("name", TargetView::name)
            .column("regionCode", TargetView::regionCode)
            .column("clusterId", TargetView::clusterId)
            .column("metric", TargetView::metric)
            .column("authority", TargetView::authority)
            .column("fromYear", TargetView::fromYear)
            .column("toYear", TargetView::toYear)
            .column("annualMin", TargetView::annualMin)
            .column("annualMax", TargetView::annualMax)
            .column("cumulativeMin", TargetView::cumulativeMin)
            .column("sourceTitle", TargetView::sourceTitle)
            .column("sourceUrl", TargetView::sourceUrl)
            .column("publishedOn", TargetView::publishedOn)
            .column("createdAt", TargetView::createdAt)
            .column("updatedAt", TargetView::updatedAt)
            .column("version", TargetView::version);

    private TargetCsv() {
    }
}
