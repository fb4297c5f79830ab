package org.cqdrug.tracker.source;

/** What one row of a source document means for the record. */
public enum ChangeAction {
    /** A new candidate (and its sponsor, when the tracker does not know it). */
    CREATE_CANDIDATE,
    /** A known candidate gains the row's acceptance number. */
    ADD_ACCEPTANCE_NUMBER,
    /** A known candidate's history gains a milestone. */
    ADD_MILESTONE,
    CREATE_APPROVAL,
    /** A known candidate gains an expedited-pathway designation. */
    SET_DESIGNATION,
    /** A reported fact the list confirms becomes CONFIRMED, citing the document. */
    RAISE_EVIDENCE,
    /** The record already says what the row says. */
    UNCHANGED,
    /** The row cannot be written as it is; the reason says why. Skipped when applied. */
    NEEDS_REVIEW,
    /** A generic, a supplement, a re-registration or a drug that is not Class 1: counted, left out. */
    NOT_INNOVATIVE;

    /** Whether applying the change writes anything. */
    public boolean writes() {
        return this != UNCHANGED && this != NEEDS_REVIEW && this != NOT_INNOVATIVE;
    }
}
