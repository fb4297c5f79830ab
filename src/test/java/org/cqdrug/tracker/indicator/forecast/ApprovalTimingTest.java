package org.cqdrug.tracker.indicator.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cqdrug.tracker.common.vocabulary.Phase;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.UNIT)
class ApprovalTimingTest {

    private final ApprovalTiming timing = new ApprovalTiming(new BenchmarkForecastConfig(), 10);

    /** Erlang-2 survival: e^(-λt)(1 + λt). */
    private static double survival(double rate, double t) {
        return Math.exp(-rate * t) * (1 + rate * t);
    }

    @Test
    void submittedCandidateFollowsTheResidualErlangReviewTime() {
        double rate = 2 / 1.3;
        double elapsed = 0.5;
        double byOneYear = 0.906 * (1 - survival(rate, 1.5) / survival(rate, 0.5));
        double byTwoYears = 0.906 * (1 - survival(rate, 2.5) / survival(rate, 0.5));
        double[] chances = timing.windows(Phase.NDA_SUBMITTED, elapsed, null, new double[] {0, 1, 2});
        assertEquals(byOneYear, chances[0], 0.005);
        assertEquals(byTwoYears - byOneYear, chances[1], 0.005);
    }

    @Test
    void expectedDecisionDatePutsTheWholeChanceInItsWindow() {
        double[] chances = timing.windows(Phase.NDA_SUBMITTED, 0.2, 1.4, new double[] {0, 1, 2, 3});
        assertArrayEquals(new double[] {0, 0.906, 0}, chances, 1e-12);
    }

    @Test
    void earlierPhasesCarryTheProductOfTheirSuccessProbabilities() {
        double[] phase1 = new ApprovalTiming(new BenchmarkForecastConfig(), 300)
                .windows(Phase.PHASE_1, 0, null, new double[] {0, 300});
        assertEquals(0.52 * 0.289 * 0.578 * 0.906, phase1[0], 1e-3);
    }

    @Test
    void timeAlreadySpentInAPhaseBringsApprovalCloser() {
        double[] fresh = timing.windows(Phase.PHASE_3, 0, null, new double[] {0, 1});
        double[] late = timing.windows(Phase.PHASE_3, 4, null, new double[] {0, 1});
        assertTrue(late[0] > fresh[0], "late " + late[0] + " fresh " + fresh[0]);
    }

    @Test
    void preclinicalCandidatesGetNoChanceAndIndApprovedStartsPhaseOne() {
        assertArrayEquals(new double[] {0}, timing.windows(Phase.PRECLINICAL, 3, null, new double[] {0, 10}), 0);
        assertArrayEquals(timing.windows(Phase.PHASE_1, 0, null, new double[] {0, 10}),
                timing.windows(Phase.IND_APPROVED, 7, null, new double[] {0, 10}), 0);
    }

    /**
     * The worked example of src/docs/counting-and-forecast.md, candidate A: submitted 184 days before the as-of date, no expected date, the rest
     * of the year 184 days long. Exactly, 0.906 (1 - S(2e) / S(e)) with e = 184 / 365.25 and the Erlang-2 survival S.
     */
    @Test
    void theAsOfYearsWindowLosesNoProbabilityAtItsStart() {
        double rate = 2 / 1.3;
        double elapsed = 184 / 365.25;
        double exact = 0.906 * (1 - survival(rate, 2 * elapsed) / survival(rate, elapsed));
        assertEquals(0.306369, exact, 1e-6);
        double[] chances = timing.windows(Phase.NDA_SUBMITTED, elapsed, null, new double[] {0, elapsed});
        assertEquals(exact, chances[0], 0.0005);
    }
}
