package org.cqdrug.tracker.common.vocabulary;

import java.util.EnumSet;
import java.util.Set;

/** How sure a recorded fact is, from the surest down. */
public enum Evidence {
    /** An official source: the regulator's announcement or database, a government notice. */
    CONFIRMED,
    /** A company or press report. */
    REPORTED,
    /** Neither yet: heard of, not sourced. */
    UNCONFIRMED;

    /** This level and every surer one: what counts when a count accepts this level. */
    public Set<Evidence> andSurer() {
        return EnumSet.range(CONFIRMED, this);
    }
}
