package org.cqdrug.tracker.common.config;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service-wide settings. */
@ConfigMapping(prefix = "tracker")
public interface TrackerConfig {

    /** Time zone whose calendar decides "today" for as-of dates; approvals are dated in China's calendar. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /**
     * For tests and reproducible demonstrations only: the service's clock stands still at this instant, so every
     * "today" is known in advance. Unset, the clock is the system's.
     */
    Optional<Instant> fixedClock();

    /**
     * An API key that is ADMIN without being stored, so that an operator can create the first stored keys on an
     * empty database (environment variable TRACKER_BOOTSTRAP_ADMIN_KEY). Unset, there is none.
     */
    Optional<String> bootstrapAdminKey();

    /** When true, reads require a key with at least the VIEWER role; by default they are public. */
    @WithDefault("false")
    boolean readsRequireKey();

    /**
     * For the benchmark only (src/bench/run, profile bench): serves GET /bench/ceiling, a constant answer to measure
     * the endpoints against. Off by default.
     */
    @WithDefault("false")
    boolean benchCeiling();

    /** Request rates, per API key and, for requests without one, per client address. */
    RateLimit rateLimit();

    interface RateLimit {

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

    /** Answers to reads kept in memory until the data's change counter moves (see ResponseCache). */
    ResponseCache responseCache();

    interface ResponseCache {

        /** False computes every read afresh (ETags and 304s still work). */
        @WithDefault("true")
        boolean enabled();

        /** Most answers kept at once. */
        @WithDefault("5000")
        int maxEntries();

        /** Most bytes of kept answer bodies, all together, such as 8M. */
        @WithDefault("8M")
        MemorySize maxBytes();

        /** Answers with a longer body are never kept, such as 2M. */
        @WithDefault("2M")
        MemorySize maxEntryBytes();
    }

    /** Spreadsheet export (CSV and xlsx). */
    Export export();

    interface Export {

        /** Rows read per keyset batch, each in a transaction of its own, while streaming a list as CSV or xlsx. */
        @WithDefault("1000")
        int batchSize();
    }
}
