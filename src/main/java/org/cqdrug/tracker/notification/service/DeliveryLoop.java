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
 * What every instance runs on two schedules: every {@code tracker.webhook.poll-interval} it fans new events out and
 * sends what is due, round after round while a backlog fills whole batches; every
 * {@code tracker.webhook.judge-interval} it judges the targets, which recounts them once the data has changed. A stopping instance finishes the round in flight, recording every answer, before
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
    void deliverScheduled() {
        if (stopping || !running.tryLock()) {
            return;
        }
        try {
            // a full batch says more is due: go on at once rather than wait for the next tick
            Round last;
            do {
                last = deliver(instance, 0);
            } while (last.attempts() == config.batchSize() && !stopping);
        } catch (RuntimeException e) {
            // the database may be out; the next round tries again
            LOG.warnf("Event delivery round failed: %s", e.toString());
        } finally {
            running.unlock();
        }
    }

    /** Judging recounts every target, so it has a schedule of its own and never holds up a delivery. */
    @Scheduled(every = "${tracker.webhook.judge-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void judgeScheduled() {
        if (stopping) {
            return;
        }
        try {
            targets.watch();
        } catch (RuntimeException e) {
            LOG.warnf("Judging the targets failed: %s", e.toString());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        running.lock(); // waits for the round in flight, bounded by the receivers' timeout
        running.unlock();
    }

    /**
     * One whole round as the named instance, as the two schedules make it: the targets judged, every new event fanned
     * out, one batch of due attempts.
     */
    public Round round(String instance) {
        int targetEvents = 0;
        try {
            targetEvents = targets.watch();
        } catch (RuntimeException e) {
            // the records' events go out all the same; the targets are judged again next time
            LOG.warn("Judging the targets failed", e);
        }
        return deliver(instance, targetEvents);
    }

    private Round deliver(String instance, int targetEvents) {
        int relayed = 0;
        for (int batch = deliveries.relay(500); batch > 0; batch = deliveries.relay(500)) {
            relayed += batch;
        }
        List<Deliveries.Claim> claims = deliveries.claim(instance, config.batchSize());
        List<CompletableFuture<WebhookSender.Answer>> answers = new ArrayList<>();
        for (Deliveries.Claim claim : claims) {
            answers.add(sender.send(claim.url(), claim.event().id().toString(), body(claim), claim.secrets()));
        }
        // each answer is bounded by the receivers' timeout (WebhookSender)
        List<WebhookSender.Answer> answered = answers.stream().map(CompletableFuture::join).toList();
        List<Deliveries.Outcome> recorded = new ArrayList<>();
        try {
            recorded.addAll(deliveries.recordAll(claims, instance, answered));
        } catch (RuntimeException all) {
            LOG.warnf("Recording a round's %d answers together failed (%s); recording them one by one", claims.size(),
                    all.toString());
            for (int i = 0; i < claims.size(); i++) {
                try {
                    recorded.add(deliveries.record(claims.get(i), instance, answered.get(i)));
                } catch (RuntimeException e) {
                    // unrecorded, its claim lapses and the next attempt goes out with the same webhook-id
                    LOG.warnf("Recording %s failed: %s", claims.get(i), e.toString());
                }
            }
        }
        int delivered = 0;
        for (Deliveries.Outcome outcome : recorded) {
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
