package org.cqdrug.tracker.candidate;

/** NMPA expedited pathways a candidate holds. */
public enum Designation {
    BREAKTHROUGH_THERAPY, CONDITIONAL_APPROVAL, PRIORITY_REVIEW, SPECIAL_APPROVAL
}
