package org.cqdrug.tracker.indicator.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.UNIT)
class PoissonBinomialTest {

    private static final double EXACT = 1e-12;

    /**
     * By hand for p = 0.5, 0.2, 0.1: P(0) = .5 × .8 × .9 = .36; P(1) = .36 + .09 + .04 = .49;
     * P(2) = .09 + .04 + .01 = .14; P(3) = .5 × .2 × .1 = .01.
     */
    @Test
    void threeEventsMatchTheDistributionWorkedOutByHand() {
        PoissonBinomial count = new PoissonBinomial(4);
        count.add(0.5);
        count.add(0.2);
        count.add(0.1);
        assertEquals(0.36, count.cell(0), EXACT);
        assertEquals(0.49, count.cell(1), EXACT);
        assertEquals(0.14, count.cell(2), EXACT);
        assertEquals(0.01, count.cell(3), EXACT);
        assertEquals(0.0, count.cell(4), EXACT);
        assertEquals(0.8, count.expected(), EXACT);
        assertEquals(0.64, count.atLeast(1), EXACT);
        assertEquals(0.63, count.between(1, 2), EXACT);
    }

    @Test
    void theCapCellCollectsTheTailExactly() {
        PoissonBinomial count = new PoissonBinomial(2);
        count.add(0.5);
        count.add(0.2);
        count.add(0.1);
        assertEquals(0.36, count.cell(0), EXACT);
        assertEquals(0.49, count.cell(1), EXACT);
        assertEquals(0.15, count.cell(2), EXACT);
        assertEquals(0.15, count.atLeast(2), EXACT);
        assertEquals(0.49, count.between(1, 1), EXACT);
    }

    @Test
    void repeatedEventsAreBinomial() {
        PoissonBinomial count = new PoissonBinomial(3);
        count.add(0.3, 2);
        assertEquals(0.49, count.cell(0), EXACT);
        assertEquals(0.42, count.cell(1), EXACT);
        assertEquals(0.09, count.cell(2), EXACT);
        assertEquals(1.0, count.atLeast(0), EXACT);
        assertEquals(0.0, count.between(2, 1), EXACT);
    }

    @Test
    void askingPastTheCapIsRefused() {
        PoissonBinomial count = new PoissonBinomial(2);
        assertThrows(IllegalArgumentException.class, () -> count.atLeast(3));
        assertThrows(IllegalArgumentException.class, () -> count.between(0, 2));
    }
}
