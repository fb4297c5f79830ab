package org.cqdrug.tracker.indicator.mapping;

import java.util.ArrayList;
import java.util.List;

import org.cqdrug.tracker.indicator.forecast.PoissonBinomial;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P(the year's count = count), or, when orMore, P(count or more). */
@Schema(name = "CountProbability")
public record CountProbability(
        @Schema(example = "2") int count,
        @Schema(description = "True when this entry is the probability of this count or more; only a last entry is")
        boolean orMore,
        @Schema(example = "0.31") double probability) {

    /**
     * The cells a year's distribution tells apart: every count up to the band's top (annualMax, or annualMin when
     * there is no maximum) and one beyond it, less the approvals already certain; at least one.
     */
    public static int cells(int annualMin, Integer annualMax, int certain) {
        return Math.max(1, (annualMax == null ? annualMin : annualMax) + 1 - certain);
    }

    /**
     * The year's count from the certain approvals up, one entry per cell of the pipeline's additions: the last is
     * "or more" unless the pipeline could not add more than that anyway.
     */
    public static List<CountProbability> of(int certain, PoissonBinomial additions) {
        int last = (int) Math.min(additions.cap(), additions.events());
        List<CountProbability> entries = new ArrayList<>(last + 1);
        for (int k = 0; k <= last; k++) {
            boolean orMore = k == additions.cap() && k < additions.events();
            entries.add(new CountProbability(certain + k, orMore, PoissonBinomial.round(additions.cell(k))));
        }
        return entries;
    }
}
