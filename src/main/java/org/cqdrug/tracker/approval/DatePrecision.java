package org.cqdrug.tracker.approval;

/**
 * How precisely an approval's date is known. A date known to the month or year is to be sent as the first day of
 * that month or year (not yet checked), and counts in the year it names.
 */
public enum DatePrecision {
    DAY, MONTH, YEAR
}
