package org.cqdrug.tracker.common.vocabulary;

/** NMPA registration category. */
public enum Category {
    CHEMICAL, THERAPEUTIC_BIOLOGIC, PREVENTIVE_BIOLOGIC, TCM
}
