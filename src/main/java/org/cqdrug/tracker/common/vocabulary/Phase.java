package org.cqdrug.tracker.common.vocabulary;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Where a candidate stands in development, in development order; the latest milestone decides it. */
public enum Phase {
    PRECLINICAL, IND_APPROVED, PHASE_1, PHASE_2, PHASE_3, NDA_SUBMITTED, APPROVED, DISCONTINUED;

    /** The phases of a candidate in the clinical pipeline, which the forecast gives a chance of approval. */
    public static final Set<Phase> IN_DEVELOPMENT = EnumSet.range(IND_APPROVED, NDA_SUBMITTED);

    /** {@link #IN_DEVELOPMENT} as the names stored in the database. */
    public static List<String> inDevelopmentNames() {
        return IN_DEVELOPMENT.stream().map(Enum::name).toList();
    }
}
