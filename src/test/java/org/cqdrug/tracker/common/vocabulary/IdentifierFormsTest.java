package org.cqdrug.tracker.common.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The written forms of acceptance numbers (受理号) and approval numbers (批准文号) and what their letters say. */
@Tag(Lanes.UNIT)
class IdentifierFormsTest {

    @Test
    void anAcceptanceNumberLosesItsOfficeSuffix() {
        assertEquals(Optional.of("CXSS2500123"), AcceptanceNumbers.canonical("CXSS2500123国"));
        assertEquals(Optional.of("CXHL2400123"), AcceptanceNumbers.canonical("CXHL2400123苏"));
        assertEquals(Optional.of("CXSS2500123"), AcceptanceNumbers.canonical("CXSS2500123"));
    }

    @Test
    void anAcceptanceNumberIsReadInFullWidthLowerCaseAndAmongSpaces() {
        assertEquals(Optional.of("CXSS2500123"), AcceptanceNumbers.canonical("ＣＸＳＳ２５００１２３"));
        assertEquals(Optional.of("CXSS2500123"), AcceptanceNumbers.canonical("ＣＸＳＳ２５００１２３国"));
        assertEquals(Optional.of("CXSS2500123"), AcceptanceNumbers.canonical("cxss2500123"));
        assertEquals(Optional.of("CXHL2400123"), AcceptanceNumbers.canonical("cxhl2400123苏"));
        assertEquals(Optional.of("JXHS2400456"), AcceptanceNumbers.canonical("  JXHS2400456 \t"));
        assertEquals(Optional.of("JXHS2400456"), AcceptanceNumbers.canonical("\u3000JXHS2400456\u3000"));
    }

    @Test
    void textThatIsNoAcceptanceNumberIsRefused() {
        for (String written : Arrays.asList(
                "AXSS2500123", // first letter neither C nor J
                "CQSS2500123", // second letter not X, Y, B or Z
                "CXQS2500123", // third letter not H, Z, S or F
                "CXSQ2500123", // fourth letter not L, S, B, Z, F or R
                "CXSS250012", // six digits
                "CXSS25001234", // eight digits
                "CXSS2500123国苏", // two office characters
                "CXSS2500123A", // a letter after it
                "受理号", "", "   ", null)) {
            assertEquals(Optional.empty(), AcceptanceNumbers.canonical(written), String.valueOf(written));
        }
    }

    @Test
    void theLettersTellApplicationKindOriginAndCategory() {
        // CXHL: a domestic new chemical drug's clinical-trial application.
        assertTrue(AcceptanceNumbers.newDrug("CXHL2400123"));
        assertTrue(AcceptanceNumbers.clinicalTrial("CXHL2400123"));
        assertFalse(AcceptanceNumbers.marketing("CXHL2400123"));
        assertFalse(AcceptanceNumbers.imported("CXHL2400123"));
        assertEquals(Optional.of(Category.CHEMICAL), AcceptanceNumbers.category("CXHL2400123"));
        // JXHS: an imported new chemical drug's marketing application.
        assertTrue(AcceptanceNumbers.imported("JXHS2400456"));
        assertTrue(AcceptanceNumbers.newDrug("JXHS2400456"));
        assertTrue(AcceptanceNumbers.marketing("JXHS2400456"));
        assertFalse(AcceptanceNumbers.clinicalTrial("JXHS2400456"));
        // CYHS: a generic's marketing application.
        assertFalse(AcceptanceNumbers.newDrug("CYHS2400789"));
        assertTrue(AcceptanceNumbers.marketing("CYHS2400789"));
        assertEquals("a generic application", AcceptanceNumbers.applicationType("CYHS2400789"));
        assertEquals(Optional.of(Category.CHEMICAL), AcceptanceNumbers.category("CYHS2400789"));
        // CXZS: TCM; CXSS: a biologic, which the letters do not tell therapeutic from preventive.
        assertEquals(Optional.of(Category.TCM), AcceptanceNumbers.category("CXZS2400001"));
        assertEquals(Optional.empty(), AcceptanceNumbers.category("CXSS2500123"));
        assertEquals("a new-drug application", AcceptanceNumbers.applicationType("CXSS2500123"));
    }

    @Test
    void theWrittenPatternAcceptsWhatCanonicalAcceptsInHalfWidthForm() {
        for (String written : List.of("CXSS2500123", "CXSS2500123国", "CXHL2400123苏", "JXHS2400456", "CYHS2400789")) {
            assertTrue(written.matches(AcceptanceNumbers.WRITTEN_PATTERN), written);
            String canonical = AcceptanceNumbers.canonical(written).orElseThrow();
            assertTrue(canonical.matches(AcceptanceNumbers.PATTERN), canonical);
        }
        for (String written : List.of("AXSS2500123", "CQSS2500123", "CXSS250012", "CXSS25001234", "CXSS2500123国苏")) {
            assertFalse(written.matches(AcceptanceNumbers.WRITTEN_PATTERN), written);
            assertEquals(Optional.empty(), AcceptanceNumbers.canonical(written), written);
        }
        // The canonical form has no office suffix.
        assertFalse("CXSS2500123国".matches(AcceptanceNumbers.PATTERN));
    }

    @Test
    void anApprovalNumberIsReadInEachOfItsForms() {
        assertEquals(Optional.of("国药准字H20190035"), ApprovalNumbers.canonical("国药准字H20190035"));
        assertEquals(Optional.of("国药准字SJ20200001"), ApprovalNumbers.canonical("国药准字SJ20200001"));
        assertEquals(Optional.of("国药准字Z20200002"), ApprovalNumbers.canonical("国药准字Z20200002"));
        assertEquals(Optional.of("H20150001"), ApprovalNumbers.canonical("H20150001"));
    }

    @Test
    void anApprovalNumberIsReadInFullWidthDigitsAndAmongSpaces() {
        assertEquals(Optional.of("国药准字H20190035"), ApprovalNumbers.canonical("国药准字H２０１９００３５"));
        assertEquals(Optional.of("国药准字H20190035"), ApprovalNumbers.canonical("国药准字Ｈ２０１９００３５"));
        assertEquals(Optional.of("国药准字S20240028"), ApprovalNumbers.canonical(" 国药准字 S20240028\u3000"));
    }

    @Test
    void textThatIsNoApprovalNumberIsRefused() {
        for (String written : Arrays.asList(
                "国药准字X20190035", // no such letter
                "国药准字H2019003", // seven digits
                "国药准字H201900351", // nine digits
                "H2015000", // seven digits in the older form
                "准字H20190035", "见批件", "", null)) {
            assertEquals(Optional.empty(), ApprovalNumbers.canonical(written), String.valueOf(written));
        }
    }
}
