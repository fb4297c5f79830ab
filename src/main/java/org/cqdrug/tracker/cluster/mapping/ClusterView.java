package org.cqdrug.tracker.cluster.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cluster as the API shows it. */
@Schema(name = "Cluster")
public record ClusterView(
        UUID id,
        @Schema(example = "chongqing-international-bio-city") String code,
        @Schema(example = "Chongqing International Bio-city") String name,
        @Schema(example = "重庆国际生物城", nullable = true) String nameZh,
        @Schema(example = "CN-CQ") String regionCode,
        @Schema(example = "Banan District", nullable = true) String district,
        List<String> focusAreas,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) String sourceUrl,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
