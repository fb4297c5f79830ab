package org.cqdrug.tracker.target;

/** What a target counts. */
public enum Metric {
    /** Class 1 innovative drugs approved for market by the target's authority. */
    CLASS1_APPROVALS
}
