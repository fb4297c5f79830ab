package org.cqdrug.tracker.published;

/** What a published count counts. */
public enum CountMetric {
    /** Class 1 approvals by NMPA of sponsors in the scope, as targets count them. */
    CLASS1_APPROVALS,
    /** NMPA's own yearly count of innovative drugs (not marketed anywhere before), per product, foreign sponsors included. */
    NMPA_INNOVATIVE_DRUGS
}
