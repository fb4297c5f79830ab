package org.cqdrug.tracker.published.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.published.CountMetric;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published count as the API shows it: the source's own figure, never a count of records. */
@Schema(name = "PublishedCount")
public record PublishedCountView(
        UUID id,
        @Schema(example = "CN-JS", nullable = true) String regionCode,
        @Schema(nullable = true) UUID clusterId,
        CountMetric metric,
        @Schema(example = "2025-01-01") LocalDate periodFrom,
        @Schema(example = "2025-12-31") LocalDate periodTo,
        @Schema(example = "17") int value,
        @Schema(example = "0.2237", nullable = true) BigDecimal nationalShare,
        @Schema(nullable = true) String sourceUrl,
        Evidence evidence,
        @Schema(example = "2026-01-21", nullable = true) LocalDate publishedOn,
        @Schema(nullable = true) String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
