package org.cqdrug.tracker.candidate.mapping;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.common.NotInFuture;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A phase the candidate reached, as a client records it. */
@Schema(name = "MilestoneInput")
public record MilestoneInput(
        @Schema(example = "NDA_SUBMITTED") @NotNull Phase phase,
        @Schema(example = "2023-03-15") @NotNull @SaneDate @NotInFuture LocalDate reachedOn,
        @Schema(example = "https://www.cde.org.cn/") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(example = "NDA accepted by CDE") @Size(max = 10000) String note,
        @Schema(description = "How sure the entry is; CONFIRMED when omitted", example = "REPORTED") Evidence evidence,
        @Schema(description = "True to record a phase earlier in development than one already reached on an earlier"
                + " date: a real step back, such as a new trial; otherwise such an entry is refused as a likely typo",
                example = "false") Boolean regression) {
}
