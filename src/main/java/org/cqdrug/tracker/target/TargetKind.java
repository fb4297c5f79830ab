package org.cqdrug.tracker.target;

/** What a target asks for. */
public enum TargetKind {
    /** A band of counted approvals each year of the period, optionally with a minimum over the whole period. */
    ANNUAL,
    /** A stock: the total of counted approvals since countFrom (or ever) reaches totalGoal by the end of toYear. */
    TOTAL
}
