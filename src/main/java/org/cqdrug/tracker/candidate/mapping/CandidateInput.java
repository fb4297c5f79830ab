package org.cqdrug.tracker.candidate.mapping;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.candidate.Designation;
import org.cqdrug.tracker.candidate.Modality;
import org.cqdrug.tracker.common.NotInFuture;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.AcceptanceNumbers;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or fully replace a candidate. */
@JsonIgnoreProperties(value = {"id", "sponsorName", "createdAt", "updatedAt"}, allowGetters = true)
@Schema(name = "CandidateInput", description = "A drug candidate as sent by a client; server-managed fields are ignored.")
public record CandidateInput(
        @Schema(description = "The sponsor's code, unique per sponsor", example = "GR1501") @NotBlank @Size(max = 64) String code,
        @Schema(description = "International non-proprietary name", example = "xeligekimab") @Size(max = 200) String name,
        @Schema(example = "赛立奇单抗") @Size(max = 200) String nameZh,
        @Schema(description = "Id of the sponsoring organization") @NotNull UUID sponsorId,
        @Schema(description = "Id of the cluster it is developed in, if any") UUID clusterId,
        @Schema(example = "THERAPEUTIC_BIOLOGIC") @NotNull Category category,
        @Schema(description = "NMPA registration class", example = "1")
        @NotNull @Pattern(regexp = RegistrationClasses.PATTERN, message = RegistrationClasses.MESSAGE) String registrationClass,
        @Schema(example = "ANTIBODY") @NotNull Modality modality,
        @Schema(example = "Dermatology") @Size(max = 200) String therapeuticArea,
        @Schema(example = "Moderate-to-severe plaque psoriasis") @Size(max = 2000) String indication,
        @Schema(description = "The indication in Chinese, as Chinese sources state it", example = "中重度斑块状银屑病")
        @Size(max = 2000) String indicationZh,
        @Schema(description = "Other names it is known by, searched like its names: brand names, former codes, other"
                + " spellings", example = "[\"金立希\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> aliases,
        @Schema(description = "Current phase. Set on create; afterwards it moves only by recording milestones or approvals, so an update must repeat the current phase.",
                example = "PHASE_3") @NotNull Phase phase,
        @Schema(example = "[\"PRIORITY_REVIEW\"]") @Size(max = 10) List<@NotNull Designation> designations,
        @Schema(description = "Acceptance numbers (受理号) of its applications, trial and marketing; each belongs to one"
                + " candidate. An accepting office written after the number (CXSS2500123国) is dropped.",
                example = "[\"CXSS2300045\"]")
        @Size(max = 50) List<@NotNull @Pattern(regexp = AcceptanceNumbers.WRITTEN_PATTERN, message = AcceptanceNumbers.MESSAGE) String> acceptanceNumbers,
        @Schema(description = "Expected date of the regulator's decision, if known", example = "2026-06-30") @SaneDate LocalDate expectedDecisionOn,
        @Schema(description = "On create: when the candidate reached its starting phase, recorded as its first milestone;"
                + " when omitted the entry stays undated (no date is made up). Ignored on update, where it is still"
                + " checked like every field.", example = "2024-05-01") @SaneDate @NotInFuture LocalDate phaseReachedOn,
        @Schema(example = "https://www.nmpa.gov.cn/") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(example = "Illustrative: not a real candidate.") @Size(max = 10000) String note,
        @Schema(description = "On update, besides If-Match: the version this change is based on; a stale one answers 412", example = "0")
        Long version) {
}
