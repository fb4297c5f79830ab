package org.cqdrug.tracker.collaboration.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.collaboration.CollaborationType;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;

/** What a client sends to record or fully replace a collaboration. */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt"}, allowGetters = true)
@Schema(name = "CollaborationInput", description = "A collaboration as sent by a client; server-managed fields are ignored.")
public record CollaborationInput(
        @Schema(example = "TECH_TRANSFER") @NotNull CollaborationType type,
        @Schema(example = "ILLUSTRATIVE: transfer of an antibody platform") @Size(max = 300) String title,
        @Schema(description = "Ids of the organizations involved, two or more, each once; for transfers and licences the source first")
        @NotNull @Size(min = 2, max = 50) @UniqueElements(message = "must name each organization once")
        List<@NotNull UUID> organizationIds,
        @Schema(description = "The candidate it concerns, if any") UUID candidateId,
        @Schema(description = "The cluster it is credited to, if any") UUID clusterId,
        @Schema(example = "2026-03-18") @NotNull @SaneDate LocalDate signedOn,
        @Schema(description = "Deal value in yuan, if disclosed", example = "50000000")
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal valueCny,
        @Schema(example = "https://www.yicai.com/news/102898653.html") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Size(max = 10000) String note,
        @Schema(description = "On update, besides If-Match: the version this change is based on; a stale one answers 412", example = "0")
        Long version) {
}
