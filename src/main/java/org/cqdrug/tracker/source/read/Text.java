package org.cqdrug.tracker.source.read;

import java.text.Normalizer;
import java.util.Locale;

/** How text from a saved list is cleaned and compared. */
public final class Text {

    private Text() {
    }

    /**
     * A cell as the list means it: full-width letters, digits and punctuation in their half-width form (NFKC, which
     * also turns full-width and no-break spaces into plain ones), runs of whitespace as one space, trimmed; null for
     * an empty cell.
     */
    public static String cell(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    /** A header label or a name as compared: cleaned, without any whitespace, in lower case. */
    public static String key(String raw) {
        String text = cell(raw);
        return text == null ? "" : text.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
