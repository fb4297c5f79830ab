package org.cqdrug.tracker.source.mapping;

import java.time.Instant;
import java.util.UUID;

import org.cqdrug.tracker.source.DocumentStatus;
import org.cqdrug.tracker.source.SourceKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source document as the API shows it. */
@Schema(name = "SourceDocument")
public record SourceDocumentView(
        UUID id,
        SourceKind kind,
        @Schema(example = "text/html") String mediaType,
        @Schema(description = "SHA-256 of the bytes, hex", example = "9f2c0a6d4e1b7f3a5c8e2d0b6a4f1e3c7b9d5a2e8f0c4b6d1a3e5f7c9b2d4e6f8")
        String sha256,
        @Schema(example = "48213") long sizeBytes,
        @Schema(description = "The address it was saved from", example = "https://www.nmpa.gov.cn/zwfw/sdxx/sdxxyp/") String url,
        @Schema(description = "When it was saved from there") Instant retrievedAt,
        @Schema(description = "The API key that uploaded it", example = "analyst-key") String uploadedBy,
        @Schema(description = "Data rows found in its table", example = "120") int rowsRead,
        DocumentStatus status,
        @Schema(description = "When its changeset was last proposed") Instant proposedAt,
        @Schema(nullable = true) Instant appliedAt,
        @Schema(nullable = true) String appliedBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
