package org.cqdrug.tracker.common.csv;

/** The CSV-injection rule shared by export (which guards cells) and import (which unguards them). */
final class FormulaGuard {

    private FormulaGuard() {
    }

    /** True when a spreadsheet would read the text as a formula. */
    static boolean triggers(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The cell as the client meant it: an export's guarding apostrophe in front of a formula trigger comes off. */
    static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && triggers(cell.substring(1)) ? cell.substring(1) : cell;
    }
}
