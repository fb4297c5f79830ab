package org.cqdrug.tracker.changes.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row changed in one revision. */
@Schema(name = "Change")
public record Change(
        @Schema(description = "The revision; changes come in revision order, which is commit order", example = "42")
        long revision,
        Instant changedAt,
        @Schema(description = "The name of the API key the change was made with", example = "municipal-dashboard")
        String author,
        @Schema(description = "The kind of row, named as the last part of its list's path: clusters, organizations,"
                + " candidates, milestones, approvals, targets, collaborations, published-counts or sources",
                example = "approvals") String resource,
        UUID id,
        @Schema(description = "Where the row is (or was) served", example = "/api/v1/approvals/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f")
        String path,
        HistoryEntry.Operation operation,
        @Schema(description = "The fields the revision changed, as the row's history names them: for a creation, those"
                + " it set; none for a deletion", example = "[\"sourceUrl\"]") List<String> changedFields) {
}
