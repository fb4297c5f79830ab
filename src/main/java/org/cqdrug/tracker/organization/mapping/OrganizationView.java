package org.cqdrug.tracker.organization.mapping;

import java.time.Instant;
import java.util.UUID;

import org.cqdrug.tracker.organization.OrganizationKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization as the API shows it. */
@Schema(name = "Organization")
public record OrganizationView(
        UUID id,
        @Schema(example = "Chongqing Genrix Biopharmaceutical") String name,
        @Schema(example = "重庆智翔金泰生物制药", nullable = true) String nameZh,
        OrganizationKind kind,
        @Schema(example = "CN-CQ") String regionCode,
        @Schema(nullable = true) UUID clusterId,
        @Schema(nullable = true) String sourceUrl,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
