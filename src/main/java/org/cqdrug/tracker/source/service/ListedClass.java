package org.cqdrug.tracker.source.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cqdrug.tracker.common.vocabulary.AcceptanceNumbers;
import org.cqdrug.tracker.common.vocabulary.Category;

/**
 * An application's registration class and category as a list writes them (注册分类 such as 化学药品1类,
 * 治疗用生物制品1类, 预防用生物制品1.1类, 中药1.1类, or a bare 1 or 2.4), with 药品类型 and the acceptance number's
 * third letter to tell the category when the class text does not; empty when neither tells class and category.
 */
record ListedClass(String registrationClass, Category category) {

    /** A class standing alone: the 1 of 15类 (the 2007 rules' biologic classes) is not Class 1. */
    private static final Pattern CLASS = Pattern.compile("(?<![0-9.])([1-5](?:\\.[1-9][0-9]?)?)(?![0-9.])");

    static Optional<ListedClass> of(String classText, String drugType, String acceptanceNumber) {
        if (classText == null) {
            return Optional.empty();
        }
        Matcher matcher = CLASS.matcher(classText);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String words = classText + " " + (drugType == null ? "" : drugType);
        Category category;
        if (words.contains("预防")) {
            category = Category.PREVENTIVE_BIOLOGIC;
        } else if (words.contains("治疗")) {
            category = Category.THERAPEUTIC_BIOLOGIC;
        } else if (words.contains("中药") || words.contains("天然药物")) {
            category = Category.TCM;
        } else if (words.contains("化学") || words.contains("化药")) {
            category = Category.CHEMICAL;
        } else {
            // A biologic may be therapeutic or preventive: without words saying which, the row is left for review.
            Optional<Category> byLetter = AcceptanceNumbers.category(acceptanceNumber);
            if (byLetter.isEmpty()) {
                return Optional.empty();
            }
            category = byLetter.get();
        }
        return Optional.of(new ListedClass(matcher.group(1), category));
    }

    boolean class1() {
        return registrationClass.equals("1") || registrationClass.startsWith("1.");
    }
}
