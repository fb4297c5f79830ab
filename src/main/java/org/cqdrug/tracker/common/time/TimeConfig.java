package org.cqdrug.tracker.common.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's calendar and clock. */
@ConfigMapping(prefix = "tracker")
public interface TimeConfig {

    /** Time zone whose calendar decides "today" for as-of dates; approvals are dated in China's calendar. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /**
     * For tests and reproducible demonstrations only: the service's clock stands still at this instant, so every
     * "today" is known in advance. Unset, the clock is the system's.
     */
    Optional<Instant> fixedClock();
}
