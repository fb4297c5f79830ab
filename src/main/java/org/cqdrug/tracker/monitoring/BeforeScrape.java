package org.cqdrug.tracker.monitoring;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.cqdrug.tracker.web.FilterOrder;

/**
 * Runs every {@link ScrapedGauges} on a worker thread before a scrape of the Prometheus endpoint is answered, so that
 * a scrape sees the data as it is and an idle service does no work between scrapes.
 */
@ApplicationScoped
public class BeforeScrape {

    private static final Logger LOG = Logger.getLogger(BeforeScrape.class);

    private final Instance<ScrapedGauges> gauges;
    private final String scrapePath;
    private final java.util.concurrent.locks.ReentrantLock refreshing = new java.util.concurrent.locks.ReentrantLock();

    public BeforeScrape(Instance<ScrapedGauges> gauges,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String managementRoot,
            @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path", defaultValue = "metrics") String path) {
        this.gauges = gauges;
        this.scrapePath = path.startsWith("/") ? path : "/" + managementRoot.replaceAll("^/|/$", "") + "/" + path;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (!scrapePath.equals(context.normalizedPath())) {
                context.next();
                return;
            }
            context.vertx().executeBlocking(() -> {
                refreshAll();
                return null;
            }, false).onComplete(done -> context.next());
        }, FilterOrder.SCRAPE_REFRESH_ROUTE);
    }

    /**
     * One refresh at a time. A scrape that arrives while one runs is answered with the values as they are, rather
     * than queued behind it: while the database is slow, queued refreshes would outlast Prometheus's scrape timeout.
     */
    @ActivateRequestContext
    void refreshAll() {
        if (!refreshing.tryLock()) {
            return;
        }
        try {
            refreshEach();
        } finally {
            refreshing.unlock();
        }
    }

    /** Readiness first: while the database is slow, the others may wait on it for seconds each. */
    private void refreshEach() {
        java.util.List<ScrapedGauges> ordered = gauges.stream()
                .sorted(java.util.Comparator.comparing(each -> !(each instanceof ReadinessMetrics))).toList();
        for (ScrapedGauges each : ordered) {
            try {
                each.refresh();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not refresh %s; keeping the previous values", each.getClass().getSimpleName());
            }
        }
    }
}
