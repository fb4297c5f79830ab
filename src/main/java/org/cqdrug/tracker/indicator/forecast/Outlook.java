package org.cqdrug.tracker.indicator.forecast;

/** A year's outlook from the probability of meeting its minimum, against the configured thresholds. */
public enum Outlook {
    ON_TRACK, AT_RISK, OFF_TRACK;

    public static Outlook of(double probabilityMeetingMin, double onTrackAt, double atRiskAt) {
        if (probabilityMeetingMin >= onTrackAt) {
            return ON_TRACK;
        }
        return probabilityMeetingMin >= atRiskAt ? AT_RISK : OFF_TRACK;
    }
}
