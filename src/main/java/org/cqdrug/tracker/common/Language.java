package org.cqdrug.tracker.common;

import java.util.List;
import java.util.Locale;

/** The two languages the service writes words for people in: files, feeds and the page. */
public enum Language {
    EN, ZH;

    /** The language a {@code lang} parameter names, else the first of Accept-Language that is one of them; English. */
    public static Language of(String lang, List<Locale> accepted) {
        if (lang != null) {
            return lang.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
        }
        for (Locale locale : accepted) {
            if (locale.getLanguage().equals("zh")) {
                return ZH;
            }
            if (locale.getLanguage().equals("en")) {
                return EN;
            }
        }
        return EN;
    }

    /** The tag for xml:lang and Content-Language. */
    public String tag() {
        return this == ZH ? "zh-CN" : "en";
    }
}
