package org.cqdrug.tracker.collaboration;

/** The plan's kinds of cooperation between organizations. */
public enum CollaborationType {
    JOINT_RD, TECH_TRANSFER, LICENSING
}
