package org.cqdrug.tracker.candidate.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cqdrug.tracker.candidate.Designation;
import org.cqdrug.tracker.candidate.Modality;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A candidate as the API shows it. */
@Schema(name = "Candidate")
public record CandidateView(
        UUID id,
        @Schema(example = "GR1501") String code,
        @Schema(example = "xeligekimab", nullable = true) String name,
        @Schema(example = "赛立奇单抗", nullable = true) String nameZh,
        UUID sponsorId,
        @Schema(description = "The sponsor's name, beside its id", example = "Chongqing Genrix Biopharmaceutical (SSE 688443)")
        String sponsorName,
        @Schema(nullable = true) UUID clusterId,
        Category category,
        @Schema(example = "1") String registrationClass,
        Modality modality,
        @Schema(example = "Dermatology", nullable = true) String therapeuticArea,
        @Schema(example = "Moderate-to-severe plaque psoriasis", nullable = true) String indication,
        @Schema(example = "中重度斑块状银屑病", nullable = true) String indicationZh,
        @Schema(description = "Other names: brand names, former codes, other spellings", example = "[\"金立希\"]")
        List<String> aliases,
        Phase phase,
        List<Designation> designations,
        @Schema(description = "Acceptance numbers (受理号) of its applications", example = "[\"CXSS2300045\"]") List<String> acceptanceNumbers,
        @Schema(nullable = true) LocalDate expectedDecisionOn,
        @Schema(nullable = true) String sourceUrl,
        @Schema(nullable = true) String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
