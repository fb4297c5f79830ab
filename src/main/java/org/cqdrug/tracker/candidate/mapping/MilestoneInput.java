package org.cqdrug.tracker.candidate.mapping;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cqdrug.tracker.common.DateBounds;
import org.cqdrug.tracker.common.NotInFuture;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A phase the candidate reached, as a client records it. */
@DateBounds
@Schema(name = "MilestoneInput")
public record MilestoneInput(
        @Schema(example = "NDA_SUBMITTED") @NotNull Phase phase,
        @Schema(description = "The day it was reached, or the first day it can have been at a rougher datePrecision",
                example = "2023-03-15") @NotNull @SaneDate @NotInFuture LocalDate reachedOn,
        @Schema(example = "https://www.cde.org.cn/") @Size(max = WebAddresses.MAX_LENGTH) @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String sourceUrl,
        @Schema(example = "NDA accepted by CDE") @Size(max = 10000) String note,
        @Schema(description = "How sure the entry is; CONFIRMED when omitted", example = "REPORTED") Evidence evidence,
        @Schema(description = "True to record a phase earlier in development than one already reached on an earlier"
                + " date: a real step back, such as a new trial; otherwise such an entry is refused as a likely typo",
                example = "false") Boolean regression,
        @Schema(description = "How precisely reachedOn is known: DAY (when omitted); MONTH or YEAR, sent as the first"
                + " day of it; RANGE, known only between reachedOn and latestReachedOn", example = "DAY")
        DatePrecision datePrecision,
        @Schema(description = "For RANGE, required: the latest day it can have been reached on. Derived for the other"
                + " precisions (a value sent with them is ignored)", example = "2024-07-30")
        @SaneDate @NotInFuture LocalDate latestReachedOn) implements DateBounds.Dated {

    /** An entry known to the day. */
    public MilestoneInput(Phase phase, LocalDate reachedOn, String sourceUrl, String note, Evidence evidence,
            Boolean regression) {
        this(phase, reachedOn, sourceUrl, note, evidence, regression, null, null);
    }

    @Override
    public LocalDate firstDay() {
        return reachedOn;
    }

    @Override
    public LocalDate latestDay() {
        return latestReachedOn;
    }

    @Override
    public String firstDayField() {
        return "reachedOn";
    }

    @Override
    public String latestDayField() {
        return "latestReachedOn";
    }
}
