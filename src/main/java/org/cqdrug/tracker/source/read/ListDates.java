package org.cqdrug.tracker.source.read;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as official lists write them: 2020年9月8日, 2024-05-01, 2024/5/1, 2024.5.1, with or without a time after. */
public final class ListDates {

    private static final Pattern DATE = Pattern.compile(
            "^(\\d{4})\\s*(?:年|-|/|\\.)\\s*(\\d{1,2})\\s*(?:月|-|/|\\.)\\s*(\\d{1,2})\\s*日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?$");

    private ListDates() {
    }

    public static Optional<LocalDate> parse(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        Matcher matcher = DATE.matcher(cell.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
