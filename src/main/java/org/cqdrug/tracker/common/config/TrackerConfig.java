package org.cqdrug.tracker.common.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service-wide settings. */
@ConfigMapping(prefix = "tracker")
public interface TrackerConfig {

    /** Time zone whose calendar decides "today" for as-of dates; approvals are dated in China's calendar. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    default LocalDate today() {
        return LocalDate.now(Clock.system(timeZone()));
    }
}
