package org.cqdrug.tracker.common.vocabulary;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The one definition of an acceptance number (受理号): four letters, two digits of the year accepted and a five-digit
 * serial, as in CXSS2500123. A list may write the accepting office after it (国 for the national office, a province's
 * one-character name for a provincial one) or full-width letters; both are the same application, so numbers are
 * kept in the canonical form {@link #canonical} gives.
 */
public final class AcceptanceNumbers {

    /** Letter 1: C domestic, J imported; 2: X new drug, Y generic, B supplement, Z re-registration; 3: H chemical,
     * Z TCM, S biologic, F excipient; 4: L clinical trial, S marketing, B supplement, Z re-registration, F
     * sub-packaging, R review. The migrations hold the same rule as a check constraint. */
    public static final String PATTERN = "^[CJ][XYBZ][HZSF][LSBZFR][0-9]{7}$";

    /** As a client or a list may write it: the canonical form, optionally followed by the accepting office. */
    public static final String WRITTEN_PATTERN = "^[CJ][XYBZ][HZSF][LSBZFR][0-9]{7}[\u4e00-\u9fff]?$";

    public static final String MESSAGE = "must be an acceptance number (受理号) such as CXSS2500123";

    private static final java.util.regex.Pattern WRITTEN =
            java.util.regex.Pattern.compile("^([CJ][XYBZ][HZSF][LSBZFR][0-9]{7})[\u4e00-\u9fff]?$");


    private AcceptanceNumbers() {
    }

    /** The number without an office suffix, in half-width capitals; empty when the text is not an acceptance number. */
    public static Optional<String> canonical(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(written, Normalizer.Form.NFKC).replaceAll("\\s", "").toUpperCase(
                java.util.Locale.ROOT);
        Matcher matcher = WRITTEN.matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A new-drug application (X), as opposed to a generic, a supplement or a re-registration. */
    public static boolean newDrug(String canonical) {
        return canonical.charAt(1) == 'X';
    }

    /** A marketing application (S), as opposed to a clinical-trial one (L) and the rest. */
    public static boolean marketing(String canonical) {
        return canonical.charAt(3) == 'S';
    }

    public static boolean clinicalTrial(String canonical) {
        return canonical.charAt(3) == 'L';
    }

    public static boolean imported(String canonical) {
        return canonical.charAt(0) == 'J';
    }

    /** What the second letter says, for a reason shown to a reviewer. */
    public static String applicationType(String canonical) {
        return switch (canonical.charAt(1)) {
            case 'X' -> "a new-drug application";
            case 'Y' -> "a generic application";
            case 'B' -> "a supplementary application";
            default -> "a re-registration";
        };
    }

    /** The category the third letter gives, when it gives one (a biologic may be therapeutic or preventive). */
    public static Optional<Category> category(String canonical) {
        return switch (canonical.charAt(2)) {
            case 'H' -> Optional.of(Category.CHEMICAL);
            case 'Z' -> Optional.of(Category.TCM);
            default -> Optional.empty();
        };
    }
}
