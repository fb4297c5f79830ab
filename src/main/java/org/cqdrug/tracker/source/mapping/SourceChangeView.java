package org.cqdrug.tracker.source.mapping;

import java.util.Map;
import java.util.UUID;

import org.cqdrug.tracker.source.ChangeAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One proposed change: what a row of the document means for the record. */
@Schema(name = "SourceChange")
public record SourceChangeView(
        @Schema(description = "The row's line: its CSV record, its worksheet row, or its row in the page's table",
                example = "7") int line,
        ChangeAction action,
        @Schema(nullable = true, example = "CXSS2600101") String acceptanceNumber,
        @Schema(nullable = true, example = "国药准字S20269901") String approvalNumber,
        @Schema(nullable = true, example = "示例奇单抗注射液") String drugName,
        @Schema(nullable = true, example = "重庆示例生物制药有限公司") String company,
        @Schema(description = "The candidate the row matches, or the one applying it created", nullable = true) UUID candidateId,
        @Schema(description = "The approval it confirms", nullable = true) UUID approvalId,
        @Schema(description = "Why this action, for a person to read", example = "approval documents issued on 2026-11-20")
        String reason,
        @Schema(description = "The record's values it changes, as they are") Map<String, Object> before,
        @Schema(description = "The values after it is applied; candidateCreatedByLine or sponsorCreatedByLine name the"
                + " row of this document that creates the record it touches") Map<String, Object> after) {
}
