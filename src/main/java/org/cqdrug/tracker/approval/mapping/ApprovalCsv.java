package org.cqdrug.tracker.approval.mapping;

import org.cqdrug.tracker.common.csv.CsvTable;

/** Approval rows in CSV; import reads the same columns (server-managed ones are ignored there). */
public final class ApprovalCsv {

    public static final CsvTable<ApprovalView> TABLE = new CsvTable<ApprovalView>()
            .column("id", ApprovalView::id)
            .column("candidateId", ApprovalView::candidateId)
            .column("authority", ApprovalView::authority)
            .column("approvedOn", ApprovalView::approvedOn)
            .column("approvalNumber", ApprovalView::approvalNumber)
            .column("registrationClass", ApprovalView::registrationClass)
            .column("category", ApprovalView::category)
            .column("approvalType", ApprovalView::approvalType)
            .column("indication", ApprovalView::indication)
            .column("sourceUrl", ApprovalView::sourceUrl)
            .column("createdAt", ApprovalView::createdAt)
            .column("updatedAt", ApprovalView::updatedAt)
            .column("version", ApprovalView::version);

    private ApprovalCsv() {
    }
}
