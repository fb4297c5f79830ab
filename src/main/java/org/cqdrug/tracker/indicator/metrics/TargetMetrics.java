package org.cqdrug.tracker.indicator.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import org.cqdrug.tracker.indicator.forecast.Outlook;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.monitoring.ScrapedGauges;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.indicator.mapping.YearIndicator;
import org.cqdrug.tracker.indicator.service.IndicatorService;

/**
 * Publishes the indicators as Prometheus gauges, one series per target code and year of the target's period (a
 * bounded label set). Each scrape brings them up to date (see {@link org.cqdrug.tracker.monitoring.BeforeScrape})
 * from today's report, which the indicator service computes once per change of the data, so a new target shows on
 * the next scrape and a scrape of unchanged data costs one read of the change counter.
 */
@ApplicationScoped
public class TargetMetrics implements ScrapedGauges {

    private final IndicatorService indicators;
    private final MultiGauge actual;
    private final MultiGauge annualMin;
    private final MultiGauge annualMax;
    private final MultiGauge probabilityMeetingMin;
    private final MultiGauge offTrack;
    private IndicatorReport published;

    public TargetMetrics(IndicatorService indicators, MeterRegistry registry) {
        this.indicators = indicators;
        actual = MultiGauge.builder("tracker.target.approvals")
                .description("Counted Class 1 approvals in the year up to today").register(registry);
        annualMin = MultiGauge.builder("tracker.target.annual.min")
                .description("The target's minimum approvals a year").register(registry);
        annualMax = MultiGauge.builder("tracker.target.annual.max")
                .description("The target's maximum approvals a year, when it sets one").register(registry);
        probabilityMeetingMin = MultiGauge.builder("tracker.target.probability.meeting.min")
                .description("Forecast probability that the year reaches its minimum (this year and later)")
                .register(registry);
        offTrack = MultiGauge.builder("tracker.target.off.track")
                .description("1 while the year's outlook is OFF_TRACK by the forecast's thresholds, else 0"
                        + " (this year and later)")
                .register(registry);
    }


    /** Brings the gauges up to date from today's report, which is computed once per change of the data. */
    @Override
    public synchronized void refresh() {
        IndicatorReport report = indicators.currentReport();
        if (report != published) {
            publish(report);
            published = report;
        }
    }

    private void publish(IndicatorReport report) {
        List<MultiGauge.Row<?>> actualRows = new ArrayList<>();
        List<MultiGauge.Row<?>> minRows = new ArrayList<>();
        List<MultiGauge.Row<?>> maxRows = new ArrayList<>();
        List<MultiGauge.Row<?>> probabilityRows = new ArrayList<>();
        List<MultiGauge.Row<?>> offTrackRows = new ArrayList<>();
        for (YearIndicator item : report.items()) {
            Tags tags = Tags.of("target", item.targetCode(), "year", Integer.toString(item.year()));
            actualRows.add(MultiGauge.Row.of(tags, item.actual()));
            minRows.add(MultiGauge.Row.of(tags, item.annualMin()));
            if (item.annualMax() != null) {
                maxRows.add(MultiGauge.Row.of(tags, item.annualMax()));
            }
            if (item.forecast() != null) {
                probabilityRows.add(MultiGauge.Row.of(tags, item.forecast().probabilityMeetingMin()));
                offTrackRows.add(MultiGauge.Row.of(tags, item.forecast().outlook() == Outlook.OFF_TRACK ? 1 : 0));
            }
        }
        actual.register(actualRows, true);
        annualMin.register(minRows, true);
        annualMax.register(maxRows, true);
        probabilityMeetingMin.register(probabilityRows, true);
        offTrack.register(offTrackRows, true);
    }
}
