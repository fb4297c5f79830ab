package org.cqdrug.tracker.target.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.target.Metric;
import org.cqdrug.tracker.target.TargetKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target as the API shows it. */
@Schema(name = "Target")
public record TargetView(
        UUID id,
        @Schema(example = "cq-class1-approvals-2025-2027") String code,
        String name,
        @Schema(example = "重庆：每年获批上市1类创新药1至3个", nullable = true) String nameZh,
        @Schema(example = "CN-CQ", nullable = true) String regionCode,
        @Schema(nullable = true) UUID clusterId,
        Metric metric,
        Authority authority,
        @Schema(example = "2025") int fromYear,
        @Schema(example = "2027") int toYear,
        TargetKind kind,
        @Schema(example = "1", nullable = true) Integer annualMin,
        @Schema(example = "3", nullable = true) Integer annualMax,
        @Schema(nullable = true) Integer cumulativeMin,
        @Schema(example = "10", nullable = true) Integer totalGoal,
        @Schema(nullable = true) LocalDate countFrom,
        @Schema(nullable = true) String sourceTitle,
        @Schema(nullable = true) String sourceUrl,
        @Schema(nullable = true) LocalDate publishedOn,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
