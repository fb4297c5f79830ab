package org.cqdrug.tracker.approval;

/** What an approval is to its drug: the drug's first marketing approval by the authority, or a later one. */
public enum ApprovalKind {
    /** The drug's first marketing approval by the authority: the one that counts toward a target. */
    NEW_DRUG,
    /** A later approval of the same drug for another indication. */
    NEW_INDICATION,
    /** Any other later approval of the same drug (a supplementary application, a re-entry). */
    SUPPLEMENT
}
