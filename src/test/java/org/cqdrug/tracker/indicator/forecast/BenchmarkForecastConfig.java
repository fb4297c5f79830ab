package org.cqdrug.tracker.indicator.forecast;

import org.cqdrug.tracker.indicator.config.ForecastConfig;

/** The documented defaults, for unit tests that run without Quarkus. */
class BenchmarkForecastConfig implements ForecastConfig {
    public double phase1Success() { return 0.520; }
    public double phase2Success() { return 0.289; }
    public double phase3Success() { return 0.578; }
    public double submissionSuccess() { return 0.906; }
    public double phase1Years() { return 2.3; }
    public double phase2Years() { return 3.6; }
    public double phase3Years() { return 3.3; }
    public double submissionYears() { return 1.3; }
    public int durationShape() { return 2; }
    public int stepsPerYear() { return 120; }
    public double onTrackAt() { return 0.7; }
    public double atRiskAt() { return 0.4; }
}
