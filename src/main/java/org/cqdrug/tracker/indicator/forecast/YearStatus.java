package org.cqdrug.tracker.indicator.forecast;

/** How a year stands against a target's bounds. */
public enum YearStatus {
    NOT_STARTED, IN_PROGRESS, MET, EXCEEDED, MISSED;

    /**
     * A year after the as-of year has not started; the as-of year is MET once inside the bounds, EXCEEDED above them,
     * IN_PROGRESS below; a past year is MISSED below the minimum, MET inside, EXCEEDED above. A null maximum is no bound.
     */
    public static YearStatus of(int year, int asOfYear, int actual, int min, Integer max) {
        if (year > asOfYear) {
            return NOT_STARTED;
        }
        if (max != null && actual > max) {
            return EXCEEDED;
        }
        if (actual >= min) {
            return MET;
        }
        return year == asOfYear ? IN_PROGRESS : MISSED;
    }
}
