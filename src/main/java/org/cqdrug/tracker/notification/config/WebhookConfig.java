package org.cqdrug.tracker.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How events reach webhooks ({@code tracker.webhook.*}). */
@ConfigMapping(prefix = "tracker.webhook")
public interface WebhookConfig {

    /**
     * Whether addresses in private, loopback or link-local networks, and plain http, are allowed
     * ({@code TRACKER_WEBHOOK_ALLOW_PRIVATE}): for local receivers and tests only.
     */
    @WithDefault("false")
    boolean allowPrivate();

    /**
     * The waits between attempts of a delivery: the first attempt is at once, the next after the first wait, and so
     * on; a delivery whose attempts all failed gives up, and disables its endpoint. About three days by default.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h,24h,24h")
    List<Duration> retrySchedule();

    /** Each wait is drawn within this fraction of its nominal length either way, so receivers are not hit in step. */
    @WithDefault("0.1")
    double jitter();

    /** The longest a receiver may take to answer, connecting included. */
    @WithDefault("10s")
    Duration timeout();

    /** The longest Retry-After (on 429 or 503) that is honoured; a longer one waits this long. */
    @WithDefault("24h")
    Duration maxRetryAfter();

    /** How long the secret replaced by a rotation still signs, beside the new one. */
    @WithDefault("24h")
    Duration secretGrace();

    /**
     * How often each instance fans out new events and sends what is due (the scheduler looks at its triggers once a
     * second, so less than a second is a second).
     */
    @WithDefault("1s")
    java.time.Duration pollInterval();

    /**
     * How often the targets are judged for status and outlook events: each judgment after a change recounts every
     * target, so not after every write.
     */
    @WithDefault("5s")
    java.time.Duration judgeInterval();

    /** Deliveries one instance claims per round. */
    @WithDefault("50")
    int batchSize();

    /** The CloudEvents {@code source} of every event: this service, as its users name it. */
    @WithDefault("urn:cqdrug:tracker")
    String source();

    /** This instance's name in the delivery log; by default the host's name and the process id. */
    Optional<String> instance();
}
