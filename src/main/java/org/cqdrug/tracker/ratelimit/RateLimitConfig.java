package org.cqdrug.tracker.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request rates, per API key and, for requests without one, per client address. */
@ConfigMapping(prefix = "tracker.rate-limit")
public interface RateLimitConfig {

    /** False switches rate limiting off. */
    @WithDefault("true")
    boolean enabled();

    /** Requests a minute one API key may make (the bucket holds as many, refilled evenly). */
    @WithDefault("1200")
    long perKeyPerMinute();

    /** Requests a minute one client address may make without a key. */
    @WithDefault("300")
    long anonymousPerMinute();

    /** What a spreadsheet export or a CSV import counts, in requests. */
    @WithDefault("20")
    long bulkCost();
}
