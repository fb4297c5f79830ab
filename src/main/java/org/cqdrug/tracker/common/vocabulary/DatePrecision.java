package org.cqdrug.tracker.common.vocabulary;

import java.time.LocalDate;

/**
 * How precisely the date of an approval or a milestone is known. The date names the first day it can be: the day
 * itself, the first of the month, 1 January of the year, or the earliest day of a range whose latest day is given
 * (a fact known only as "before 2025-11-27" is a RANGE ending on 2025-11-26). A fact certainly falls in a period
 * only when its first and latest possible days both do; this is the one statement of that rule, in Java and SQL.
 */
public enum DatePrecision {
    DAY, MONTH, YEAR, RANGE;

    /** The precision a dated fact has when none is sent. */
    public static DatePrecision orDay(DatePrecision precision) {
        return precision == null ? DAY : precision;
    }

    /** The latest day a fact dated {@code on} at this precision can have happened: for RANGE, the bound given. */
    public LocalDate latest(LocalDate on, LocalDate given) {
        return switch (this) {
            case DAY -> on;
            case MONTH -> on.withDayOfMonth(on.lengthOfMonth());
            case YEAR -> on.withDayOfYear(on.lengthOfYear());
            case RANGE -> given;
        };
    }

    /** What is wrong with a first day at this precision, or null. */
    public String problemWithStart(LocalDate on) {
        if (this == MONTH && on.getDayOfMonth() != 1) {
            return "must be the first day of its month when datePrecision is MONTH";
        }
        if (this == YEAR && on.getDayOfYear() != 1) {
            return "must be 1 January of its year when datePrecision is YEAR";
        }
        return null;
    }

    /**
     * What is wrong with a latest day sent for a first day at this precision, or null. Only a RANGE takes one; at the
     * other precisions it is derived and a value sent is ignored, so that a row read, changed and sent back (as a
     * merge patch does) keeps no stale bound.
     */
    public String problemWithLatest(LocalDate on, LocalDate given) {
        if (this != RANGE) {
            return null;
        }
        if (given == null) {
            return "must be given when datePrecision is RANGE: the latest day it can have happened on";
        }
        return given.isAfter(on) ? null : "must be after the first day when datePrecision is RANGE";
    }

    /** A fact whose possible days run from {@code first} to {@code latest} certainly falls in [from, to]. */
    public static boolean certainlyWithin(LocalDate first, LocalDate latest, LocalDate from, LocalDate to) {
        return !first.isBefore(from) && !latest.isAfter(to);
    }

    /** {@link #certainlyWithin} in SQL, over the columns of the first and latest day and two date expressions. */
    public static String certainlyWithinSql(String first, String latest, String from, String to) {
        return "(" + first + " >= " + from + " and " + latest + " <= " + to + ")";
    }

    /** In SQL: the fact certainly falls in one calendar year, the year of its first day. */
    public static String inOneYearSql(String first, String latest) {
        return "(extract(year from " + first + ") = extract(year from " + latest + "))";
    }
}
