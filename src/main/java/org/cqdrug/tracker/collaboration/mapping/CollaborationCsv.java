package org.cqdrug.tracker.collaboration.mapping;

import org.cqdrug.tracker.common.csv.CsvTable;

/** Collaboration rows in CSV. */
public final class CollaborationCsv {

    public static final CsvTable<CollaborationView> TABLE = new CsvTable<CollaborationView>()
            .column("id", CollaborationView::id)
            .column("type", CollaborationView::type)
            .column("title", CollaborationView::title)
            .column("organizationIds", CollaborationView::organizationIds)
            .column("candidateId", CollaborationView::candidateId)
            .column("clusterId", CollaborationView::clusterId)
            .column("signedOn", CollaborationView::signedOn)
            .column("valueCny", CollaborationView::valueCny)
            .column("sourceUrl", CollaborationView::sourceUrl)
            .column("note", CollaborationView::note)
            .column("createdAt", CollaborationView::createdAt)
            .column("updatedAt", CollaborationView::updatedAt)
            .column("version", CollaborationView::version);

    private CollaborationCsv() {
    }
}
