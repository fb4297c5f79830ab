package org.cqdrug.tracker.cluster.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or fully replace a cluster. */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt"}, allowGetters = true)
@Schema(name = "ClusterInput", description = "A cluster as sent by a client; server-managed fields are ignored.")
public record ClusterInput(
        @Schema(description = "Unique lowercase slug", example = "chongqing-international-bio-city")
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be a lowercase slug such as liangjiang-new-area")
        String code,
        @Schema(example = "Chongqing International Bio-city") @NotBlank @Size(max = 200) String name,
        @Schema(example = "重庆国际生物城") @Size(max = 200) String nameZh,
        @Schema(description = "ISO 3166-2 region code", example = "CN-CQ")
        @NotNull @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
        @Schema(example = "Banan District") @Size(max = 200) String district,
        @Schema(example = "[\"biologics\", \"antibodies\"]") @Size(max = 50) List<@NotBlank @Size(max = 200) String> focusAreas,
        @Schema(example = "Illustrative choice: the plan does not name its three clusters.") @Size(max = 10000) String description,
        @Schema(example = "https://www.yicai.com/news/102898653.html") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(description = "On update, besides If-Match: the version this change is based on; a stale one answers 412", example = "0")
        Long version) {
}
