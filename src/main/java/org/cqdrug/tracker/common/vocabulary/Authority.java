package org.cqdrug.tracker.common.vocabulary;

/** The regulator that granted an approval; targets name the one they count. */
public enum Authority {
    NMPA, FDA, EMA, PMDA, MHRA, OTHER
}
