package org.cqdrug.tracker.candidate.mapping;

import org.cqdrug.tracker.common.csv.CsvTable;

/** Candidate rows in CSV; import reads the same columns (server-managed ones are ignored there). */
public final class CandidateCsv {

    public static final CsvTable<CandidateView> TABLE = new CsvTable<CandidateView>()
            .column("id", CandidateView::id)
            .column("code", CandidateView::code)
            .column("name", CandidateView::name)
            .column("nameZh", CandidateView::nameZh)
            .column("sponsorId", CandidateView::sponsorId)
            .column("clusterId", CandidateView::clusterId)
            .column("category", CandidateView::category)
            .column("registrationClass", CandidateView::registrationClass)
            .column("modality", CandidateView::modality)
            .column("therapeuticArea", CandidateView::therapeuticArea)
            .column("indication", CandidateView::indication)
            .column("phase", CandidateView::phase)
            .column("designations", CandidateView::designations)
            .column("expectedDecisionOn", CandidateView::expectedDecisionOn)
            .column("sourceUrl", CandidateView::sourceUrl)
            .column("note", CandidateView::note)
            .column("createdAt", CandidateView::createdAt)
            .column("updatedAt", CandidateView::updatedAt)
            .column("version", CandidateView::version);

    private CandidateCsv() {
    }
}
