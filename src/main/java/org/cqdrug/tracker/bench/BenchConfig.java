package org.cqdrug.tracker.bench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The benchmark's switch. */
@ConfigMapping(prefix = "tracker")
public interface BenchConfig {

    /**
     * For the benchmark only (src/bench/run, profile bench): serves GET /bench/ceiling, a constant answer to measure
     * the endpoints against. Off by default.
     */
    @WithDefault("false")
    boolean benchCeiling();
}
