package org.cqdrug.tracker.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** The CSV-injection guard, for any text: exports never start a formula, and imports give the text back. */
@Tag(Lanes.UNIT)
class FormulaGuardPropertiesTest {

    @Property(tries = 2000)
    void anyTextSurvivesGuardingAndUnguarding(@ForAll @Chars({'=', '+', '-', '@', '\t', '\r', '\'', 'a', '1', ' '})
            @CharRange(from = 'A', to = 'Z') String text) {
        assertEquals(text, FormulaGuard.unguarded(FormulaGuard.guarded(text)));
    }

    @Property(tries = 2000)
    void aGuardedCellNeverStartsAFormula(@ForAll String text) {
        String cell = FormulaGuard.guarded(text);
        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
    }
}
