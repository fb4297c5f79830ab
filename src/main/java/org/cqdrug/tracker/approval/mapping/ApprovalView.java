package org.cqdrug.tracker.approval.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.cqdrug.tracker.approval.ApprovalKind;
import org.cqdrug.tracker.approval.ApprovalType;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approval as the API shows it. */
@Schema(name = "Approval")
public record ApprovalView(
        UUID id,
        UUID candidateId,
        @Schema(description = "The drug: its INN, or its Chinese name or sponsor's code when it has none",
                example = "xeligekimab") String candidateName,
        @Schema(description = "The candidate's sponsor", example = "Chongqing Genrix Biopharmaceutical (SSE 688443)")
        String sponsorName,
        Authority authority,
        @Schema(example = "2024-08-20") LocalDate approvedOn,
        @Schema(description = "Null until it is known", example = "国药准字S20240028", nullable = true) String approvalNumber,
        @Schema(description = "NMPA class as approved", example = "1") String registrationClass,
        Category category,
        ApprovalType approvalType,
        @Schema(description = "NEW_DRUG: the drug's first approval by the authority, the one that counts toward targets;"
                + " NEW_INDICATION or SUPPLEMENT: a later approval of the same drug, listed but never counted")
        ApprovalKind kind,
        @Schema(nullable = true) String indication,
        @Schema(nullable = true) String sourceUrl,
        Evidence evidence,
        DatePrecision datePrecision,
        @Schema(description = "The latest day it can have been: approvedOn at DAY precision, the end of the month or"
                + " year at MONTH or YEAR, the bound given at RANGE", example = "2024-08-20") LocalDate latestApprovedOn,
        @Schema(nullable = true) String note,
        @Schema(nullable = true) String reportSourceUrl,
        @Schema(description = "The source document (/api/v1/sources) it was written or confirmed from, if an import did;"
                + " set only by imports", nullable = true) UUID sourceDocumentId,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
