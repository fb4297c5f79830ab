package org.cqdrug.tracker.common.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many rows have one value of a field. */
@Schema(name = "FacetCount")
public record FacetCount(
        @Schema(description = "The field's value; null counts rows without one", example = "PHASE_2", nullable = true)
        Object value,
        @Schema(example = "42") long count) {
}
