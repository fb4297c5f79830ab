package org.cqdrug.tracker.common.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision of a row: who changed it, when, which fields, and how the row stood afterwards. */
@Schema(name = "HistoryEntry")
public record HistoryEntry(
        @Schema(description = "The revision, as in the change feed", example = "42") long revision,
        Instant changedAt,
        @Schema(description = "The name of the API key the change was made with", example = "municipal-dashboard")
        String author,
        Operation operation,
        @Schema(description = "The fields this revision set or changed; every field the row had when it was created")
        List<String> changedFields,
        @Schema(type = SchemaType.OBJECT, description = "The row as it stood after the revision (for a deletion, as it"
                + " stood when deleted), without id, timestamps or version")
        Map<String, Object> state) {

    public enum Operation {
        CREATED, UPDATED, DELETED
    }
}
