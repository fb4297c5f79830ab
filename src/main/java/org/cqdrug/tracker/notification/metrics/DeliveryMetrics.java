package org.cqdrug.tracker.notification.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.monitoring.ScrapedGauges;
import org.cqdrug.tracker.notification.service.Deliveries;

/**
 * The delivery queue as gauges, read from the database before each scrape: deliveries waiting and how long the
 * oldest has waited. The attempts by outcome are a counter kept by each instance ({@code tracker.webhook.deliveries}).
 */
@ApplicationScoped
public class DeliveryMetrics implements ScrapedGauges {

    private final Deliveries deliveries;
    private volatile double depth;
    private volatile double oldest;

    public DeliveryMetrics(Deliveries deliveries, MeterRegistry registry) {
        this.deliveries = deliveries;
        Gauge.builder("tracker.webhook.queue.depth", () -> depth)
                .description("Webhook deliveries waiting for their next attempt (PENDING), every endpoint together")
                .register(registry);
        Gauge.builder("tracker.webhook.queue.oldest.age", () -> oldest).baseUnit("seconds")
                .description("How long the oldest waiting delivery has waited since it was queued").register(registry);
    }

    @Override
    public void refresh() {
        double[] queue = deliveries.queue();
        depth = queue[0];
        oldest = queue[1];
    }
}
