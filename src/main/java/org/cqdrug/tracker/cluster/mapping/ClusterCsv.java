package org.cqdrug.tracker.cluster.mapping;

import org.cqdrug.tracker.common.csv.CsvTable;

/** Cluster rows in CSV. */
public final class ClusterCsv {

    public static final CsvTable<ClusterView> TABLE = new CsvTable<ClusterView>()
            .column("id", ClusterView::id)
            .column("code", ClusterView::code)
            .column("name", ClusterView::name)
            .column("nameZh", ClusterView::nameZh)
            .column("regionCode", ClusterView::regionCode)
            .column("district", ClusterView::district)
            .column("focusAreas", ClusterView::focusAreas)
            .column("description", ClusterView::description)
            .column("sourceUrl", ClusterView::sourceUrl)
            .column("createdAt", ClusterView::createdAt)
            .column("updatedAt", ClusterView::updatedAt)
            .column("version", ClusterView::version);

    private ClusterCsv() {
    }
}
