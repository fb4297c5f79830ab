package org.cqdrug.tracker.common.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock of the service, in the calendar of {@code tracker.time-zone}: every "today" (default as-of dates and
 * years, the no-future rule, ETags) is {@code LocalDate.now(clock)}. The tests fix it ({@code tracker.fixed-clock}),
 * so what they expect of "today" does not depend on when they run.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(TimeConfig tracker) {
        return tracker.fixedClock().map(instant -> Clock.fixed(instant, tracker.timeZone()))
                .orElseGet(() -> Clock.system(tracker.timeZone()));
    }
}
