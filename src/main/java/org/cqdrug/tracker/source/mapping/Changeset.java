package org.cqdrug.tracker.source.mapping;

import java.util.List;
import java.util.Map;

import org.cqdrug.tracker.source.ChangeAction;
import org.cqdrug.tracker.source.DocumentStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a document's proposed changes, with how many of each action the whole changeset holds. */
@Schema(name = "Changeset")
public record Changeset(
        DocumentStatus status,
        @Schema(description = "Changes of each action in the whole changeset, whatever the filter") Map<ChangeAction, Long> counts,
        List<SourceChangeView> items,
        @Schema(nullable = true, description = "Cursor of the next page; null on the last") String nextCursor) {
}
