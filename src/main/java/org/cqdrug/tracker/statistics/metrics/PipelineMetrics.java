package org.cqdrug.tracker.statistics.metrics;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.httpcache.ChangeCounter;
import org.cqdrug.tracker.monitoring.ScrapedGauges;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.statistics.service.StatisticsService;

/**
 * The pipeline funnel as a Prometheus gauge, {@code tracker_pipeline_candidates} by {@code phase} and
 * {@code category} (every pair, zeros included), counted again only when the data changed since the last scrape.
 */
@ApplicationScoped
public class PipelineMetrics implements ScrapedGauges {

    private final StatisticsService statistics;
    private final ChangeCounter changes;
    private final MultiGauge candidates;
    private long published = -1;

    public PipelineMetrics(StatisticsService statistics, ChangeCounter changes, MeterRegistry registry) {
        this.statistics = statistics;
        this.changes = changes;
        candidates = MultiGauge.builder("tracker.pipeline.candidates")
                .description("Recorded candidates by current phase and category").register(registry);
    }

    @Override
    public synchronized void refresh() {
        long counter = changes.current();
        if (counter == published) {
            return;
        }
        List<MultiGauge.Row<?>> rows = statistics.pipeline(new Scope(null, null), Evidence.UNCONFIRMED).byPhaseAndCategory().stream()
                .<MultiGauge.Row<?>> map(pair -> MultiGauge.Row.of(
                        Tags.of("phase", pair.phase().name(), "category", pair.category().name()), pair.count()))
                .toList();
        candidates.register(rows, true);
        published = counter;
    }
}
