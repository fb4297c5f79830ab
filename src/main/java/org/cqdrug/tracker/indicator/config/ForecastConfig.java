package org.cqdrug.tracker.indicator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Parameters of the pipeline forecast. Defaults come from BIO, Informa Pharma Intelligence and QLS,
 * "Clinical Development Success Rates 2011–2020" (February 2021), 12,728 phase transitions.
 */
@ConfigMapping(prefix = "tracker.forecast")
public interface ForecastConfig {

    /** Probability that a Phase I candidate moves on to Phase II. */
    @WithDefault("0.520")
    double phase1Success();

    /** Probability that a Phase II candidate moves on to Phase III. */
    @WithDefault("0.289")
    double phase2Success();

    /** Probability that a Phase III candidate reaches a marketing application (NDA/BLA). */
    @WithDefault("0.578")
    double phase3Success();

    /** Probability that a submitted marketing application is approved. */
    @WithDefault("0.906")
    double submissionSuccess();

    /** Mean years spent in Phase I. */
    @WithDefault("2.3")
    double phase1Years();

    /** Mean years spent in Phase II. */
    @WithDefault("3.6")
    double phase2Years();

    /** Mean years spent in Phase III. */
    @WithDefault("3.3")
    double phase3Years();

    /** Mean years from submission to approval. */
    @WithDefault("1.3")
    double submissionYears();

    /** Shape of the Erlang distribution of each phase's duration: 1 is exponential (memoryless); higher is less spread. */
    @WithDefault("2")
    int durationShape();

    /** Grid steps per year for the numerical convolution of phase durations (120 is about three days). */
    @WithDefault("120")
    int stepsPerYear();

    /** Outlook is ON_TRACK when the probability of meeting the annual minimum is at least this. */
    @WithDefault("0.7")
    double onTrackAt();

    /** Outlook is AT_RISK when that probability is at least this (and below onTrackAt); OFF_TRACK below it. */
    @WithDefault("0.4")
    double atRiskAt();
}
