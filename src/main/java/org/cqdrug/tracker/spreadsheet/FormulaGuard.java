package org.cqdrug.tracker.spreadsheet;

/**
 * The CSV-injection rule, shared by export (which guards cells) and import (which takes the guard off). A guarded
 * cell is an apostrophe followed by a formula trigger or by another apostrophe; export guards every text that would
 * otherwise read as one, so that import can take exactly one apostrophe off and get the text back.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** The cell to write for a text: with a leading apostrophe if a spreadsheet would run it or import strip it. */
    public static String guarded(String text) {
        return triggers(text) || isGuarded(text) ? "'" + text : text;
    }

    /** The text a cell stands for: an export's guarding apostrophe comes off. */
    public static String unguarded(String cell) {
        return isGuarded(cell) ? cell.substring(1) : cell;
    }

    /** True when a spreadsheet would read the text as a formula (=, +, -, @, tab or carriage return first). */
    private static boolean triggers(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean isGuarded(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && (triggers(text.substring(1)) || text.charAt(1) == '\'');
    }
}
