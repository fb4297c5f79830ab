package org.cqdrug.tracker.common.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock of the service, in the calendar of {@code tracker.time-zone}: every "today" (default as-of dates and
 * years, the no-future rule, ETags) is {@code LocalDate.now(clock)}, so tests read the same day the service does.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(TrackerConfig tracker) {
        return Clock.system(tracker.timeZone());
    }
}
