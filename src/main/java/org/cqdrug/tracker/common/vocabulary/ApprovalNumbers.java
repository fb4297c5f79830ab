package org.cqdrug.tracker.common.vocabulary;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * NMPA approval numbers (批准文号) as official lists write them: 国药准字 with H (chemical), S (biologic) or Z (TCM),
 * J after it for an imported drug since the 2020 rules, and eight digits whose first four are the year, as in
 * 国药准字S20240028; or an imported drug's registration number (注册证号) of the older form, such as H20150001. The
 * record's own approval numbers are free text (other authorities number differently); lists are checked with this.
 */
public final class ApprovalNumbers {

    private static final Pattern FORM = Pattern.compile("^(国药准字[HSZ]J?|[HSZ])[0-9]{8}$");

    private ApprovalNumbers() {
    }

    /** The number as written, in half-width form without spaces, whatever its form. */
    public static String written(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }

    /** The number in half-width form without spaces; empty when it is not of a form above. */
    public static Optional<String> canonical(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String text = written(written).toUpperCase(java.util.Locale.ROOT);
        return FORM.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
