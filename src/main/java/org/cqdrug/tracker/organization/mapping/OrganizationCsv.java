package org.cqdrug.tracker.organization.mapping;

import org.cqdrug.tracker.common.csv.CsvTable;

/** Organization rows in CSV. */
public final class OrganizationCsv {

    public static final CsvTable<OrganizationView> TABLE = new CsvTable<OrganizationView>()
            .column("id", OrganizationView::id)
            .column("name", OrganizationView::name)
            .column("nameZh", OrganizationView::nameZh)
            .column("kind", OrganizationView::kind)
            .column("regionCode", OrganizationView::regionCode)
            .column("clusterId", OrganizationView::clusterId)
            .column("sourceUrl", OrganizationView::sourceUrl)
            .column("createdAt", OrganizationView::createdAt)
            .column("updatedAt", OrganizationView::updatedAt)
            .column("version", OrganizationView::version);

    private OrganizationCsv() {
    }
}
