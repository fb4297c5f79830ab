package org.cqdrug.tracker.organization.mapping;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.cqdrug.tracker.organization.OrganizationKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or fully replace an organization. */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt"}, allowGetters = true)
@Schema(name = "OrganizationInput", description = "An organization as sent by a client; server-managed fields are ignored.")
public record OrganizationInput(
        @Schema(example = "Chongqing Genrix Biopharmaceutical") @NotBlank @Size(max = 300) String name,
        @Schema(example = "重庆智翔金泰生物制药") @Size(max = 300) String nameZh,
        @Schema(example = "COMPANY") @NotNull OrganizationKind kind,
        @Schema(description = "ISO 3166-2 region code of its base", example = "CN-CQ")
        @NotNull @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
        @Schema(description = "Cluster it belongs to, if any") UUID clusterId,
        @Schema(example = "https://www.yicai.com/news/102898653.html") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(description = "On update, besides If-Match: the version this change is based on; a stale one answers 412", example = "0")
        Long version) {
}
