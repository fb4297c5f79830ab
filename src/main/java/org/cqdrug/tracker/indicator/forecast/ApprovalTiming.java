package org.cqdrug.tracker.indicator.forecast;

import java.util.EnumMap;
import java.util.Map;

import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.indicator.config.ForecastConfig;

/**
 * When, if ever, a candidate in development wins approval. The model, stated once:
 * <ul>
 * <li>a candidate passes each remaining phase independently with the configured success probability;</li>
 * <li>each phase lasts an Erlang-distributed time (configured shape) with the configured mean; the time already spent
 * in the current phase (since its latest milestone) conditions the rest of that phase;</li>
 * <li>IND_APPROVED counts as starting Phase I now; PRECLINICAL has no benchmark and gets no probability;</li>
 * <li>a submitted candidate with a future expectedDecisionOn is decided on that date, with the submission success
 * probability.</li>
 * </ul>
 * Times are years after the as-of date. Sums of phase durations are convolved numerically on a grid of
 * {@code stepsPerYear} points a year (fewer when the horizon is over 33 years), up to the horizon given.
 */
public final class ApprovalTiming {

    /** Most grid points one forecast uses; the convolution costs their square. */
    static final int MAX_POINTS = 4000;

    /** The phases with a benchmark: every phase in development but IND_APPROVED, which counts as starting Phase I. */
    private static final Phase[] CLINICAL = Phase.IN_DEVELOPMENT.stream().filter(p -> p != Phase.IND_APPROVED)
            .toArray(Phase[]::new);

    private final int shape;
    private final double step;
    private final int points;
    private final Map<Phase, Double> success = new EnumMap<>(Phase.class);
    private final Map<Phase, Double> meanYears = new EnumMap<>(Phase.class);
    /** Probability of passing this phase and every later one. */
    private final Map<Phase, Double> successFrom = new EnumMap<>(Phase.class);
    /** CDF on the grid of the total duration of the phases after this one. */
    private final Map<Phase, double[]> laterDurationCdf = new EnumMap<>(Phase.class);

    public ApprovalTiming(ForecastConfig config, double horizonYears) {
        this.shape = config.durationShape();
        // Long horizons get a coarser grid, so that one request's work stays bounded.
        this.step = Math.max(1.0 / config.stepsPerYear(), Math.max(horizonYears, 0) / MAX_POINTS);
        this.points = (int) Math.ceil(Math.max(horizonYears, 0) / step) + 2;
        success.put(Phase.PHASE_1, config.phase1Success());
        success.put(Phase.PHASE_2, config.phase2Success());
        success.put(Phase.PHASE_3, config.phase3Success());
        success.put(Phase.NDA_SUBMITTED, config.submissionSuccess());
        meanYears.put(Phase.PHASE_1, config.phase1Years());
        meanYears.put(Phase.PHASE_2, config.phase2Years());
        meanYears.put(Phase.PHASE_3, config.phase3Years());
        meanYears.put(Phase.NDA_SUBMITTED, config.submissionYears());

        double[] later = pointMassAtZero();
        double pass = 1.0;
        for (int i = CLINICAL.length - 1; i >= 0; i--) {
            Phase phase = CLINICAL[i];
            laterDurationCdf.put(phase, cumulative(later));
            pass *= success.get(phase);
            successFrom.put(phase, pass);
            later = convolve(later, durationMass(phase));
        }
    }

    /**
     * Probability that the candidate is approved in each window {@code (bounds[i], bounds[i + 1]]}, in years after the
     * as-of date.
     *
     * @param elapsedYears time already spent in the current phase
     * @param decisionInYears years until the expected decision, or null when none is expected after the as-of date
     */
    public double[] windows(Phase phase, double elapsedYears, Double decisionInYears, double[] bounds) {
        double[] out = new double[bounds.length - 1];
        if (!Phase.IN_DEVELOPMENT.contains(phase)) {
            return out;
        }
        Phase current = phase == Phase.IND_APPROVED ? Phase.PHASE_1 : phase;
        double pass = successFrom.get(current);
        if (current == Phase.NDA_SUBMITTED && decisionInYears != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = decisionInYears > bounds[i] && decisionInYears <= bounds[i + 1] ? pass : 0.0;
            }
            return out;
        }
        double elapsed = phase == Phase.IND_APPROVED ? 0.0 : Math.max(elapsedYears, 0.0);
        double[] rest = residualMass(current, elapsed);
        double[] later = laterDurationCdf.get(current);
        // Nothing still pending at the as-of date was approved before it: a window that starts there starts from zero.
        double previous = bounds[0] <= 0 ? 0.0 : approvedBy(rest, later, bounds[0]);
        for (int i = 0; i < out.length; i++) {
            double next = approvedBy(rest, later, bounds[i + 1]);
            out[i] = pass * Math.max(0.0, next - previous);
            previous = next;
        }
        return out;
    }

    /** P(rest of this phase + later phases <= t), by summing over the grid. */
    private double approvedBy(double[] rest, double[] laterCdf, double t) {
        if (t < 0) {
            return 0.0;
        }
        int last = Math.min((int) Math.floor(t / step + 1e-9), points - 1);
        double sum = 0;
        for (int j = 0; j <= last; j++) {
            sum += rest[j] * laterCdf[last - j];
        }
        return Math.min(sum, 1.0);
    }

    /** Mass of the phase's duration rounded to the grid. */
    private double[] durationMass(Phase phase) {
        double rate = shape / meanYears.get(phase);
        double[] mass = new double[points];
        double below = 0;
        for (int j = 0; j < points; j++) {
            double upTo = erlangCdf(rate, (j + 0.5) * step);
            mass[j] = upTo - below;
            below = upTo;
        }
        return mass;
    }

    /** Mass of the rest of the current phase, given that {@code elapsed} years of it have passed, rounded to the grid. */
    private double[] residualMass(Phase phase, double elapsed) {
        double rate = shape / meanYears.get(phase);
        double[] mass = new double[points];
        double survivedBefore = 1.0;
        for (int j = 0; j < points; j++) {
            double survived = survivalRatio(rate, elapsed, (j + 0.5) * step);
            mass[j] = survivedBefore - survived;
            survivedBefore = survived;
        }
        return mass;
    }

    private double[] pointMassAtZero() {
        double[] mass = new double[points];
        mass[0] = 1.0;
        return mass;
    }

    private double[] convolve(double[] a, double[] b) {
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            if (a[i] == 0) {
                continue;
            }
            for (int j = 0; i + j < points; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    private static double[] cumulative(double[] mass) {
        double[] cdf = new double[mass.length];
        double sum = 0;
        for (int i = 0; i < mass.length; i++) {
            sum += mass[i];
            cdf[i] = Math.min(sum, 1.0);
        }
        return cdf;
    }

    private double erlangCdf(double rate, double t) {
        return 1.0 - Math.exp(-rate * t) * partialExp(rate * t);
    }

    /** P(D > e + x | D > e) for an Erlang duration D, computed without underflow for long elapsed times. */
    private double survivalRatio(double rate, double e, double x) {
        return Math.exp(-rate * x) * partialExp(rate * (e + x)) / partialExp(rate * e);
    }

    /** The first {@code shape} terms of the exponential series: sum of y^m / m! for m below the shape. */
    private double partialExp(double y) {
        double term = 1.0;
        double sum = 1.0;
        for (int m = 1; m < shape; m++) {
            term *= y / m;
            sum += term;
        }
        return sum;
    }
}
