package org.cqdrug.tracker.notification.service;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cqdrug.tracker.notification.config.WebhookConfig;
import org.cqdrug.tracker.notification.delivery.CloudEvents;
import org.cqdrug.tracker.notification.delivery.WebhookSender;
import org.jboss.logging.Logger;

/**
 * The round every instance runs on a schedule ({@code tracker.webhook.poll-interval}): fan new events out, judge the
 * targets, then send what is due, round after round while a backlog fills whole batches. A stopping instance finishes the round in flight, recording every answer, before
 * it exits, so a graceful restart repeats no attempt.
 */
@ApplicationScoped
public class DeliveryLoop {

    private static final Logger LOG = Logger.getLogger(DeliveryLoop.class);

    private final Deliveries deliveries;
    private final TargetWatch targets;
    private final WebhookSender sender;
    private final CloudEvents cloudEvents;
    private final WebhookConfig config;
    private final String instance;
    private final Map<Deliveries.Outcome, Counter> outcomes = new EnumMap<>(Deliveries.Outcome.class);
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopping;

    public DeliveryLoop(Deliveries deliveries, TargetWatch targets, WebhookSender sender, CloudEvents cloudEvents,
            WebhookConfig config, MeterRegistry registry) {
        this.cloudEvents = cloudEvents;
        this.deliveries = deliveries;
        this.targets = targets;
        this.sender = sender;
        this.config = config;
        this.instance = config.instance().orElseGet(DeliveryLoop::hostAndProcess);
        for (Deliveries.Outcome outcome : Deliveries.Outcome.values()) {
            outcomes.put(outcome, Counter.builder("tracker.webhook.deliveries")
                    .description("Delivery attempts by what became of them").tag("outcome", outcome.name().toLowerCase())
                    .register(registry));
        }
    }

    /** What one round did. */
    public record Round(int relayed, int targetEvents, int attempts, int delivered) {
    }

    @Scheduled(every = "${tracker.webhook.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (stopping || !running.tryLock()) {
            return;
        }
        try {
            // a full batch says more is due: go on at once rather than wait for the next tick
            Round last;
            do {
                last = round(instance);
            } while (last.attempts() == config.batchSize() && !stopping);
        } catch (RuntimeException e) {
            // the database may be out; the next round tries again
            LOG.warnf("Event delivery round failed: %s", e.toString());
        } finally {
            running.unlock();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        running.lock(); // waits for the round in flight, bounded by the receivers' timeout
        running.unlock();
    }

    /** One round as the named instance: every new event fanned out, the targets judged, one batch of due attempts. */
    public Round round(String instance) {
        int relayed = 0;
        for (int batch = deliveries.relay(500); batch > 0; batch = deliveries.relay(500)) {
            relayed += batch;
        }
        int targetEvents = targets.watch();
        if (targetEvents > 0) {
            relayed += deliveries.relay(500);
        }
        List<Deliveries.Claim> claims = deliveries.claim(instance, config.batchSize());
        List<CompletableFuture<WebhookSender.Answer>> answers = new ArrayList<>();
        for (Deliveries.Claim claim : claims) {
            answers.add(sender.send(claim.url(), claim.event().id().toString(), body(claim), claim.secrets()));
        }
        int delivered = 0;
        for (int i = 0; i < claims.size(); i++) {
            Deliveries.Outcome outcome = deliveries.record(claims.get(i), instance, answers.get(i).join());
            outcomes.get(outcome).increment();
            delivered += outcome == Deliveries.Outcome.DELIVERED ? 1 : 0;
        }
        return new Round(relayed, targetEvents, claims.size(), delivered);
    }

    private String body(Deliveries.Claim claim) {
        return cloudEvents.json(claim.event());
    }

    public String instance() {
        return instance;
    }

    private static String hostAndProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
