package org.cqdrug.tracker.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Cursors and search patterns, for any input a client can send. */
@Tag(Lanes.UNIT)
class PagingPropertiesTest {

    @Property(tries = 1000)
    void aCursorGivesBackTheSortAndValuesItWasMadeOf(@ForAll String sort, @ForAll @Size(max = 5) List<String> values) {
        assertEquals(values, Cursors.decode(Cursors.encode(sort, values), sort, values.size()));
    }

    @Property(tries = 2000)
    void anyStringAsACursorIsEitherReadOrRefusedAsA400(@ForAll String cursor) {
        try {
            Cursors.decode(cursor, "code", 1);
        } catch (ApiProblem problem) {
            assertEquals(ProblemType.VALIDATION, problem.type);
        }
    }

    @Property(tries = 2000)
    void searchTextNeverCarriesAnUnescapedWildcard(@ForAll String text) {
        String pattern = Criteria.contains(text);
        String inner = pattern.substring(1, pattern.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                i++;
                assertTrue(i < inner.length() && "\\%_".indexOf(inner.charAt(i)) >= 0, pattern);
            } else {
                assertTrue(c != '%' && c != '_', pattern);
            }
        }
    }
}
