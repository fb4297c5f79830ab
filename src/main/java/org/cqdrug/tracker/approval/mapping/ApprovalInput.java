package org.cqdrug.tracker.approval.mapping;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.approval.ApprovalType;
import org.cqdrug.tracker.common.NotInFuture;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.approval.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to record or fully replace an approval. */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt"}, allowGetters = true)
@Schema(name = "ApprovalInput", description = "An approval as sent by a client; server-managed fields are ignored.")
public record ApprovalInput(
        @Schema(description = "Id of the approved candidate") @NotNull UUID candidateId,
        @Schema(description = "Granting authority; NMPA when omitted", example = "NMPA") Authority authority,
        @Schema(example = "2024-08-20") @NotNull @SaneDate @NotInFuture LocalDate approvedOn,
        @Schema(description = "Registration number, unique per authority", example = "国药准字S20240028")
        @NotBlank @Size(max = 64) String approvalNumber,
        @Schema(description = "NMPA class as approved; copied from the candidate when omitted", example = "1")
        @Pattern(regexp = RegistrationClasses.PATTERN, message = RegistrationClasses.MESSAGE) String registrationClass,
        @Schema(description = "Category as approved; copied from the candidate when omitted", example = "THERAPEUTIC_BIOLOGIC")
        Category category,
        @Schema(description = "STANDARD when omitted", example = "STANDARD") ApprovalType approvalType,
        @Schema(description = "Approved indication; copied from the candidate when omitted",
                example = "Moderate-to-severe plaque psoriasis") @Size(max = 2000) String indication,
        @Schema(example = "https://www.yicai.com/news/102898653.html") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(description = "How sure the approval is: CONFIRMED (official source), REPORTED (company or press"
                + " report) or UNCONFIRMED; CONFIRMED when omitted. Only CONFIRMED approvals count toward targets; the"
                + " indicators show the other levels beside them.", example = "CONFIRMED") Evidence evidence,
        @Schema(description = "How precisely approvedOn is known: DAY (when omitted), MONTH or YEAR; a date known to"
                + " the month or year is sent as the first day of it", example = "DAY") DatePrecision datePrecision,
        @Schema(description = "What is known of the approval beyond the fields, such as why it is only reported",
                example = "Reported approved in a batch of five innovative drugs by one secondary source")
        @Size(max = 10000) String note,
        @Schema(description = "The company or press report the approval is known from; sourceUrl holds the official"
                + " source, once there is one", example = "https://flcube.com/?p=46887") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String reportSourceUrl,
        @Schema(description = "On update, besides If-Match: the version this change is based on; a stale one answers 412", example = "0")
        Long version) {
}
