package org.cqdrug.tracker.source;

/** Where a source document's changeset stands. */
public enum DocumentStatus {
    /** Proposed and waiting for review. */
    PROPOSED,
    /** Written to the record. */
    APPLIED
}
