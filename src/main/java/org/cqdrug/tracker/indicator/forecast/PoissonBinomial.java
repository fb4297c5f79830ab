package org.cqdrug.tracker.indicator.forecast;

/**
 * Exact distribution of the number of successes among independent events with different probabilities, computed by
 * dynamic programming. Counts at or above {@code cap} share the last cell, so memory and time stay O(cap) per
 * event however many events there are, and every probability reported below the cap is exact.
 */
public final class PoissonBinomial {

    private final double[] cells;
    private double expected;
    private long events;

    /** @param cap the smallest count that need not be told apart from larger ones; at least 1 */
    public PoissonBinomial(int cap) {
        cells = new double[Math.max(cap, 1) + 1];
        cells[0] = 1.0;
    }

    public void add(double p) {
        int last = cells.length - 1;
        cells[last] += cells[last - 1] * p;
        for (int j = last - 1; j >= 1; j--) {
            cells[j] = cells[j] * (1 - p) + cells[j - 1] * p;
        }
        cells[0] *= 1 - p;
        expected += p;
        events++;
    }

    public void add(double p, long times) {
        for (long i = 0; i < times; i++) {
            add(p);
        }
    }

    /** How many events were added: the most successes there can be. */
    public long events() {
        return events;
    }

    /** Rounded as the API reports probabilities and expected counts: six decimals. */
    public static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }

    public double expected() {
        return expected;
    }

    /** P(count >= k). */
    public double atLeast(int k) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > cells.length - 1) {
            throw new IllegalArgumentException("cap " + (cells.length - 1) + " too small for P(count >= " + k + ")");
        }
        double below = 0;
        for (int j = 0; j < k; j++) {
            below += cells[j];
        }
        return clamp(1.0 - below);
    }

    /** P(from <= count <= to); {@code to} null means no upper bound. */
    public double between(int from, Integer to) {
        if (to == null) {
            return atLeast(from);
        }
        if (to < from || to < 0) {
            return 0.0;
        }
        if (to >= cells.length - 1) {
            throw new IllegalArgumentException("cap " + (cells.length - 1) + " too small for an upper bound of " + to);
        }
        double sum = 0;
        for (int j = Math.max(from, 0); j <= to; j++) {
            sum += cells[j];
        }
        return clamp(sum);
    }

    /** The count from which cells are shared: {@link #cell(int)} of it is P(count >= cap). */
    public int cap() {
        return cells.length - 1;
    }

    /** P(count = k) for k below the cap, or P(count >= cap) for k equal to it. */
    public double cell(int k) {
        return cells[k];
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
