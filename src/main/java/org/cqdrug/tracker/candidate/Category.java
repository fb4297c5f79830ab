package org.cqdrug.tracker.candidate;

/** NMPA registration category. */
public enum Category {
    CHEMICAL, THERAPEUTIC_BIOLOGIC, PREVENTIVE_BIOLOGIC, TCM
}
