package org.cqdrug.tracker.indicator.mapping;

import java.time.LocalDate;
import java.util.UUID;

import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approval that counts toward a target; its id leads to the full record. */
@Schema(name = "CountedApproval")
public record CountedApproval(
        UUID id,
        UUID candidateId,
        @Schema(description = "INN, or the sponsor's code when it has none", example = "xeligekimab") String candidateName,
        @Schema(description = "The day, or the first day it can have been", example = "2024-08-20") LocalDate approvedOn,
        @Schema(description = "The latest day it can have been; approvedOn when known to the day", example = "2024-08-20")
        LocalDate latestApprovedOn,
        DatePrecision datePrecision,
        @Schema(example = "国药准字S20240028", nullable = true) String approvalNumber,
        @Schema(description = "How sure the approval is; only CONFIRMED ones make the year's actual count")
        Evidence evidence) {
}
