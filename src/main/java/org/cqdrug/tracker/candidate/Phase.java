package org.cqdrug.tracker.candidate;

/** Where a candidate stands in development; the latest milestone decides it. */
public enum Phase {
    PRECLINICAL, IND_APPROVED, PHASE_1, PHASE_2, PHASE_3, NDA_SUBMITTED, APPROVED, DISCONTINUED
}
