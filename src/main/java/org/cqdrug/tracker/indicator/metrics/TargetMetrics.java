package org.cqdrug.tracker.indicator.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.indicator.mapping.YearIndicator;
import org.cqdrug.tracker.indicator.service.IndicatorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the indicators as Prometheus gauges, one series per target code and year of the target's period (a
 * bounded label set). Each scrape of /q/metrics first brings the gauges up to date from today's report, which the
 * indicator service computes once per change of the data, so a new target shows on the next scrape and a scrape of
 * unchanged data costs one read of the change counter.
 */
@ApplicationScoped
public class TargetMetrics {

    private static final Logger LOG = Logger.getLogger(TargetMetrics.class);

    private final IndicatorService indicators;
    private final String scrapePath;
    private final MultiGauge actual;
    private final MultiGauge annualMin;
    private final MultiGauge annualMax;
    private final MultiGauge probabilityMeetingMin;
    private IndicatorReport published;

    public TargetMetrics(IndicatorService indicators, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String managementRoot,
            @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path", defaultValue = "metrics") String path) {
        this.indicators = indicators;
        this.scrapePath = path.startsWith("/") ? path : "/" + managementRoot.replaceAll("^/|/$", "") + "/" + path;
        actual = MultiGauge.builder("tracker.target.approvals")
                .description("Counted Class 1 approvals in the year up to today").register(registry);
        annualMin = MultiGauge.builder("tracker.target.annual.min")
                .description("The target's minimum approvals a year").register(registry);
        annualMax = MultiGauge.builder("tracker.target.annual.max")
                .description("The target's maximum approvals a year, when it sets one").register(registry);
        probabilityMeetingMin = MultiGauge.builder("tracker.target.probability.meeting.min")
                .description("Forecast probability that the year reaches its minimum (this year and later)")
                .register(registry);
    }

    /** Runs {@link #refresh()} on a worker thread before every scrape is answered. */
    void beforeScrapes(@Observes Filters filters) {
        filters.register(context -> {
            if (!scrapePath.equals(context.normalizedPath())) {
                context.next();
                return;
            }
            context.vertx().executeBlocking(() -> {
                refresh();
                return null;
            }, false).onComplete(done -> context.next());
        }, 10);
    }

    /** Brings the gauges up to date; on failure they keep their previous values. */
    @ActivateRequestContext
    public synchronized void refresh() {
        try {
            IndicatorReport report = indicators.currentReport();
            if (report != published) {
                publish(report);
                published = report;
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not refresh target metrics; keeping the previous values");
        }
    }

    private void publish(IndicatorReport report) {
        List<MultiGauge.Row<?>> actualRows = new ArrayList<>();
        List<MultiGauge.Row<?>> minRows = new ArrayList<>();
        List<MultiGauge.Row<?>> maxRows = new ArrayList<>();
        List<MultiGauge.Row<?>> probabilityRows = new ArrayList<>();
        for (YearIndicator item : report.items()) {
            Tags tags = Tags.of("target", item.targetCode(), "year", Integer.toString(item.year()));
            actualRows.add(MultiGauge.Row.of(tags, item.actual()));
            minRows.add(MultiGauge.Row.of(tags, item.annualMin()));
            if (item.annualMax() != null) {
                maxRows.add(MultiGauge.Row.of(tags, item.annualMax()));
            }
            if (item.forecast() != null) {
                probabilityRows.add(MultiGauge.Row.of(tags, item.forecast().probabilityMeetingMin()));
            }
        }
        actual.register(actualRows, true);
        annualMin.register(minRows, true);
        annualMax.register(maxRows, true);
        probabilityMeetingMin.register(probabilityRows, true);
    }
}
