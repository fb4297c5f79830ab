package org.cqdrug.tracker.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cqdrug.tracker.testsupport.Generated;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSV-injection guard, for any text: exports never start a formula, and imports give the text back. */
@Tag(Lanes.UNIT)
class FormulaGuardPropertiesTest {

    private static final long SEED = 1001L;
    private static final String NAME = "seed " + SEED + " #{index} {0}";
    /** The formula triggers, the guard itself, and a letter, a digit and a space. */
    private static final String SPECIAL = "=+-@\t\r'a1 ";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Every text of up to 3 chars over SPECIAL, A and Z (1,885), then 2,000 of up to 255 over SPECIAL and A to Z. */
    static Stream<String> guardTexts() {
        String small = SPECIAL + "AZ";
        List<String> texts = new ArrayList<>(List.of(""));
        List<String> shorter = texts;
        for (int length = 1; length <= 3; length++) {
            List<String> longer = new ArrayList<>();
            for (String text : shorter) {
                for (char c : small.toCharArray()) {
                    longer.add(text + c);
                }
            }
            texts.addAll(longer);
            shorter = longer;
        }
        return Stream.concat(texts.stream(),
                Generated.cases(SEED, 2000, random -> Generated.text(random, 0, 255, SPECIAL + SPECIAL + LETTERS)));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("guardTexts")
    void anyTextSurvivesGuardingAndUnguarding(String text) {
        assertEquals(text, FormulaGuard.unguarded(FormulaGuard.guarded(text)), "seed " + SEED);
    }

    /** Each trigger alone, after apostrophes and before text, the edge texts, then 2,000 texts of any chars. */
    static Stream<String> anyTexts() {
        List<String> texts = new ArrayList<>(Generated.EDGE_TEXTS);
        for (char trigger : "=+-@\t\r".toCharArray()) {
            for (String around : List.of("", "'", "''", "'''", " ", "重庆")) {
                texts.add(trigger + around);
                texts.add(around + trigger);
            }
        }
        return Stream.concat(texts.stream(), Generated.cases(SEED, 2000, random -> Generated.text(random, 0, 255)));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("anyTexts")
    void aGuardedCellNeverStartsAFormula(String text) {
        String cell = FormulaGuard.guarded(text);
        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, () -> "seed " + SEED + ": " + cell);
    }
}
