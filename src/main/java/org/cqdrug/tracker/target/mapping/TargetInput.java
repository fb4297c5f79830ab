package org.cqdrug.tracker.target.mapping;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.cqdrug.tracker.target.Metric;
import org.cqdrug.tracker.target.TargetKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or fully replace a target. */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt"}, allowGetters = true)
@ConsistentTarget
@Schema(name = "TargetInput", description = "A target as sent by a client; give regionCode, clusterId or both.")
public record TargetInput(
        @Schema(description = "Unique code", example = "cq-class1-approvals-2025-2027") @NotBlank @Size(max = 64) String code,
        @Schema(example = "Chongqing: 1 to 3 Class 1 innovative drugs approved each year") @NotBlank @Size(max = 300) String name,
        @Schema(description = "The name in Chinese", example = "重庆：每年获批上市1类创新药1至3个") @Size(max = 300) String nameZh,
        @Schema(description = "ISO 3166-2 region the sponsors must be based in", example = "CN-CQ")
        @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
        @Schema(description = "Cluster the candidates must belong to") UUID clusterId,
        @Schema(example = "CLASS1_APPROVALS") @NotNull Metric metric,
        @Schema(description = "Authority whose approvals count; NMPA when omitted", example = "NMPA") Authority authority,
        @Schema(example = "2025") @NotNull @Min(2000) @Max(2100) Integer fromYear,
        @Schema(example = "2027") @NotNull @Min(2000) @Max(2100) Integer toYear,
        @Schema(description = "ANNUAL (a band each year, the default) or TOTAL (a stock to reach by the end of toYear)",
                example = "ANNUAL") TargetKind kind,
        @Schema(description = "For ANNUAL targets, required", example = "1") @Min(0) @Max(1000) Integer annualMin,
        @Schema(description = "Null for no upper bound", example = "3") @Min(0) @Max(1000) Integer annualMax,
        @Schema(description = "For ANNUAL targets: total over the whole period, if the target sets one", example = "3")
        @Min(0) @Max(100000) Integer cumulativeMin,
        @Schema(description = "For TOTAL targets, required: counted approvals to reach by the end of toYear",
                example = "10") @Min(0) @Max(100000) Integer totalGoal,
        @Schema(description = "For TOTAL targets: count approvals from this date; all of them when omitted",
                example = "2020-01-01") @SaneDate LocalDate countFrom,
        @Schema(example = "重庆市全链条支持创新药高质量发展若干措施") @Size(max = 500) String sourceTitle,
        @Schema(example = "https://www.yicai.com/news/102898653.html") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(example = "2025-11-06") @SaneDate LocalDate publishedOn,
        @Schema(description = "On update, besides If-Match: the version this change is based on; a stale one answers 412", example = "0")
        Long version) {
}
