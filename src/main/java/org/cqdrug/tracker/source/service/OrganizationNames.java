package org.cqdrug.tracker.source.service;

import java.util.List;

import org.cqdrug.tracker.source.read.Text;

/**
 * Organization names as compared: lists write a company's full legal name (…股份有限公司), the record often the name
 * without its legal form (…生物制药); both are compared without it.
 */
final class OrganizationNames {

    private static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "股份公司",
            "集团公司", "公司");

    private OrganizationNames() {
    }

    static String key(String name) {
        String key = Text.key(name);
        for (String form : LEGAL_FORMS) {
            if (key.endsWith(form) && key.length() > form.length()) {
                return key.substring(0, key.length() - form.length());
            }
        }
        return key;
    }
}
