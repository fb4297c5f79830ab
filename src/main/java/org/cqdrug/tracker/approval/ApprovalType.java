package org.cqdrug.tracker.approval;

public enum ApprovalType {
    STANDARD, CONDITIONAL, PRIORITY
}
