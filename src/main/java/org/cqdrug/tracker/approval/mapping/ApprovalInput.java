package org.cqdrug.tracker.approval.mapping;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.approval.ApprovalKind;
import org.cqdrug.tracker.approval.ApprovalType;
import org.cqdrug.tracker.common.DateBounds;
import org.cqdrug.tracker.common.NotInFuture;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to record or fully replace an approval. */
// sourceDocumentId is set by imports only; a merge patch sends back the view that shows it.
@JsonIgnoreProperties(value = {"id", "candidateName", "sponsorName", "createdAt", "updatedAt", "sourceDocumentId"},
        allowGetters = true)
@DateBounds
@EarnedEvidence
@Schema(name = "ApprovalInput", description = "An approval as sent by a client; server-managed fields are ignored.")
public record ApprovalInput(
        @Schema(description = "Id of the approved candidate") @NotNull UUID candidateId,
        @Schema(description = "Granting authority; NMPA when omitted", example = "NMPA") Authority authority,
        @Schema(description = "The day of approval, or the first day it can have been at a rougher datePrecision",
                example = "2024-08-20") @NotNull @SaneDate @NotInFuture LocalDate approvedOn,
        @Schema(description = "Registration number, unique per authority; left out until it is known (never a"
                + " placeholder)", example = "国药准字S20240028") @Size(min = 1, max = 64) String approvalNumber,
        @Schema(description = "NMPA class as approved; copied from the candidate when omitted", example = "1")
        @Pattern(regexp = RegistrationClasses.PATTERN, message = RegistrationClasses.MESSAGE) String registrationClass,
        @Schema(description = "Category as approved; copied from the candidate when omitted", example = "THERAPEUTIC_BIOLOGIC")
        Category category,
        @Schema(description = "STANDARD when omitted", example = "STANDARD") ApprovalType approvalType,
        @Schema(description = "NEW_DRUG (when omitted): the drug's first approval by the authority, the one that counts"
                + " toward targets; a candidate holds one per authority, and a second answers 409 naming the first."
                + " NEW_INDICATION or SUPPLEMENT: a later approval of the same drug, listed but never counted",
                example = "NEW_DRUG") ApprovalKind kind,
        @Schema(description = "Approved indication; copied from the candidate when omitted",
                example = "Moderate-to-severe plaque psoriasis") @Size(max = 2000) String indication,
        @Schema(description = "The official source: the regulator's announcement or database entry, or a government"
                + " notice; required for CONFIRMED", example = "https://www.nmpa.gov.cn/zwfw/sdxx/sdxxyp/")
        @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(description = "How sure the approval is: CONFIRMED (its official source in sourceUrl), REPORTED"
                + " (a company or press report) or UNCONFIRMED. Never assumed: left out, it is REPORTED for an approval"
                + " sent with only reportSourceUrl and must be stated otherwise. Only CONFIRMED approvals count toward"
                + " targets; the indicators show the other levels beside them.", example = "CONFIRMED")
        Evidence evidence,
        @Schema(description = "How precisely approvedOn is known: DAY (when omitted); MONTH or YEAR, sent as the first"
                + " day of it; RANGE, known only between approvedOn and latestApprovedOn. An approval counts in a year"
                + " only when both ends fall in it; otherwise the indicators list it as uncertain in each year it may"
                + " fall in", example = "DAY") DatePrecision datePrecision,
        @Schema(description = "For RANGE, required: the latest day it can have been, such as the day before the report"
                + " that first mentions it. Derived for the other precisions (a value sent with them is ignored)",
                example = "2025-11-26")
        @SaneDate @NotInFuture LocalDate latestApprovedOn,
        @Schema(description = "What is known of the approval beyond the fields, such as why it is only reported",
                example = "Date and number from NMPA's approval notice; first known from the report in reportSourceUrl")
        @Size(max = 10000) String note,
        @Schema(description = "The company or press report the approval is known from; sourceUrl holds the official"
                + " source, once there is one", example = "https://flcube.com/?p=46887") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String reportSourceUrl,
        @Schema(description = "On update, besides If-Match: the version this change is based on; a stale one answers 412", example = "0")
        Long version) implements DateBounds.Dated {

    @Override
    public LocalDate firstDay() {
        return approvedOn;
    }

    @Override
    public LocalDate latestDay() {
        return latestApprovedOn;
    }

    @Override
    public String firstDayField() {
        return "approvedOn";
    }

    @Override
    public String latestDayField() {
        return "latestApprovedOn";
    }
}
