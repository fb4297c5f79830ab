package org.cqdrug.tracker.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.cqdrug.tracker.common.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Text rules that must not change with the machine's language. */
@Tag(Lanes.UNIT)
class CriteriaTest {

    @Test
    void searchTextAndProblemTypesLowerCaseTheSameUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            // Turkish lower-cases I to a dotless ı, which would match nothing the database lower-cases.
            assertEquals("%title\\_\\%%", Criteria.contains("TITLE_%"));
            assertEquals("invalid-reference", ProblemType.slug("INVALID_REFERENCE"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
