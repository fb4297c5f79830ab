package org.cqdrug.tracker.source.service;

import java.util.List;

import org.cqdrug.tracker.source.read.Text;

/**
 * Drug names as compared between a list and the record: lists name a product with its dosage form (赛立奇单抗注射液,
 * 注射用…, …片), the record often names the substance (赛立奇单抗); both sides are compared without it.
 */
final class DrugNames {

    /** Longest first, so that 注射液 is taken before 液 would be. */
    private static final List<String> FORMS = List.of("口服混悬液", "口服溶液", "吸入粉雾剂", "肠溶胶囊", "缓释胶囊", "软胶囊",
            "注射液", "注射剂", "口服液", "喷雾剂", "滴眼液", "缓释片", "肠溶片", "分散片", "胶囊", "颗粒", "软膏", "乳膏",
            "凝胶", "贴剂", "滴丸", "栓", "片", "丸", "散");

    private DrugNames() {
    }

    static String key(String name) {
        String key = Text.key(name);
        if (key.startsWith("注射用")) {
            key = key.substring("注射用".length());
        }
        for (String form : FORMS) {
            if (key.endsWith(form) && key.length() > form.length()) {
                return key.substring(0, key.length() - form.length());
            }
        }
        return key;
    }
}
