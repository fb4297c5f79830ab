package org.cqdrug.tracker.collaboration.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cqdrug.tracker.collaboration.CollaborationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collaboration as the API shows it. */
@Schema(name = "Collaboration")
public record CollaborationView(
        UUID id,
        CollaborationType type,
        @Schema(nullable = true) String title,
        @Schema(description = "In the order given; for transfers and licences the source first") List<UUID> organizationIds,
        @Schema(nullable = true) UUID candidateId,
        @Schema(nullable = true) UUID clusterId,
        @Schema(example = "2026-03-18") LocalDate signedOn,
        @Schema(example = "50000000", nullable = true) BigDecimal valueCny,
        @Schema(nullable = true) String sourceUrl,
        @Schema(nullable = true) String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
