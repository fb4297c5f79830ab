package org.cqdrug.tracker.published.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.common.NotInFuture;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.cqdrug.tracker.published.CountMetric;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to record or fully replace a published count. */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt"}, allowGetters = true)
@ConsistentPublishedCount
@Schema(name = "PublishedCountInput", description = "A count a region, a cluster or the nation published about"
        + " itself, as sent by a client: give regionCode or clusterId, not both.")
public record PublishedCountInput(
        @Schema(description = "The province it counts (ISO 3166-2, such as CN-JS), or CN for the nation",
                example = "CN-JS") @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
        @Schema(description = "The cluster it counts, instead of a region") UUID clusterId,
        @Schema(description = "CLASS1_APPROVALS (as targets count them) or NMPA_INNOVATIVE_DRUGS (NMPA's count per"
                + " product, foreign sponsors included)", example = "CLASS1_APPROVALS") @NotNull CountMetric metric,
        @Schema(description = "First day of the period counted; a year is 1 January to 31 December",
                example = "2025-01-01") @NotNull @SaneDate LocalDate periodFrom,
        @Schema(description = "Last day of the period counted, inclusive", example = "2025-12-31")
        @NotNull @SaneDate LocalDate periodTo,
        @Schema(description = "The count as published", example = "17") @NotNull @Min(0) @Max(100000) Integer value,
        @Schema(description = "The share of the national total the source states, as a fraction (22.37% is"
                + " 0.2237); left out when it states none", example = "0.2237")
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal nationalShare,
        @Schema(description = "Where the count was published", example = "https://en.jiangsu.gov.cn/art/2026/1/21/art_54122_11720082.html")
        @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(description = "How sure the figure is: CONFIRMED (the government's or regulator's own publication),"
                + " REPORTED (a press report of it) or UNCONFIRMED", example = "CONFIRMED") @NotNull Evidence evidence,
        @Schema(description = "The day the source published it", example = "2026-01-21") @SaneDate @NotInFuture LocalDate publishedOn,
        @Schema(description = "What the source says beyond the figure, and how sure it is",
                example = "\"占全国总数22.37%\", first in China; 17 of NMPA's 76") @Size(max = 10000) String note,
        @Schema(description = "On update, besides If-Match: the version this change is based on; a stale one answers 412", example = "0")
        Long version) {
}
