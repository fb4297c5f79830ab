package org.cqdrug.tracker.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Idempotency-Key handling (tracker.idempotency.*). */
@ConfigMapping(prefix = "tracker.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its answer are kept; a key older than this may be used for a new request. */
    @WithDefault("24H")
    Duration lifetime();

    /**
     * The timeout of the transaction a keyed POST runs in, key and write together: as long as the longest write
     * (an upload or a list's application, {@code tracker.sources.transaction-timeout}).
     */
    @WithDefault("${tracker.sources.transaction-timeout}")
    Duration transactionTimeout();
}
