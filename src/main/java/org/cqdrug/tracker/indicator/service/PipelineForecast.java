package org.cqdrug.tracker.indicator.service;

import static org.cqdrug.tracker.indicator.forecast.PoissonBinomial.round;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntBinaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.IndicatorRepository;
import org.cqdrug.tracker.indicator.config.ForecastConfig;
import org.cqdrug.tracker.indicator.forecast.ApprovalTiming;
import org.cqdrug.tracker.indicator.forecast.Outlook;
import org.cqdrug.tracker.indicator.forecast.PoissonBinomial;
import org.cqdrug.tracker.indicator.mapping.CountProbability;
import org.cqdrug.tracker.indicator.mapping.Forecast;

/**
 * Forecasts a target's yearly counts from its in-scope pipeline: Class 1 candidates in development whose sponsor
 * and cluster fit the target's scope. Candidates with the same phase, latest milestone date and expected decision
 * share their chances, so the repository groups them and the forecast makes one pass over the groups.
 */
@ApplicationScoped
public class PipelineForecast {

    private static final double DAYS_PER_YEAR = 365.25;

    private static final int MOST_TIMINGS = 64;
    /** Each holds its pipeline's groups: enough for every target of a few reports, small enough for a backtest's. */
    private static final int MOST_RECKONED = 32;

    private final IndicatorRepository repository;
    private final ForecastConfig config;
    private final Cache<Double, ApprovalTiming> timings = Caffeine.newBuilder().maximumSize(MOST_TIMINGS).build();
    private final Cache<Reckoning, PoissonBinomial[]> reckoned = Caffeine.newBuilder().maximumSize(MOST_RECKONED)
            .build();

    public PipelineForecast(IndicatorRepository repository, ForecastConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /**
     * @param recorded approvals already counted in each year (certain), by year
     * @return a forecast for every year from the as-of year (or fromYear, if later) to toYear
     */
    public Map<Integer, Forecast> forecast(Scope scope, LocalDate asOf, int fromYear, int toYear,
            int annualMin, Integer annualMax, Map<Integer, Integer> recorded) {
        int firstYear = Math.max(asOf.getYear(), fromYear);
        Map<Integer, Forecast> out = new HashMap<>();
        if (firstYear > toYear) {
            return out;
        }
        int years = toYear - firstYear + 1;
        double[] bounds = new double[years + 1];
        bounds[0] = opening(asOf, LocalDate.of(firstYear, 1, 1));
        for (int i = 0; i < years; i++) {
            bounds[i + 1] = yearsUntil(asOf, LocalDate.of(firstYear + i, 12, 31));
        }
        // The pipeline can add at most `most` approvals, so no cell beyond that is ever needed.
        Windows windows = windows(scope, asOf, bounds, (i, most) -> Math.min(
                CountProbability.cells(annualMin, annualMax, recorded.getOrDefault(firstYear + i, 0)), most + 1));
        // In the database's order of ids (their text), as the groups list them.
        List<UUID> timedFromRecording = windows.groups().stream().flatMap(group -> group.timedFromRecording().stream())
                .sorted(Comparator.comparing(UUID::toString)).toList();
        int most = windows.most();
        for (int i = 0; i < years; i++) {
            int year = firstYear + i;
            int certain = recorded.getOrDefault(year, 0);
            PoissonBinomial count = windows.counts()[i];
            int needed = annualMin - certain;
            double meeting = needed > most ? 0.0 : count.atLeast(needed);
            double within = annualMax == null ? meeting
                    : needed > most ? 0.0 : count.between(needed, Math.min(annualMax - certain, most));
            out.put(year, new Forecast(round(certain + count.expected()), round(meeting), round(within),
                    Outlook.of(meeting, config.onTrackAt(), config.atRiskAt()), windows.considered(),
                    timedFromRecording, CountProbability.of(certain, count)));
        }
        return out;
    }


    /** What the pipeline adds from the as-of date to the end date: its expected count and P(count >= needed). */
    public record Addition(double expected, double probabilityOfAtLeastNeeded) {
    }

    /** The pipeline's additions up to a date, for a stock goal that still needs {@code needed} approvals. */
    public Addition until(Scope scope, LocalDate asOf, LocalDate end, int needed) {
        Windows windows = windows(scope, asOf, span(asOf, asOf, end), (i, most) -> Math.max(1, needed));
        PoissonBinomial count = windows.counts()[0];
        double probability = needed <= 0 ? 1.0 : needed > windows.most() ? 0.0 : count.atLeast(needed);
        return new Addition(round(count.expected()), round(probability));
    }

    /**
     * The distribution of the number of approvals the pipeline, as it stood on the as-of date, adds within a year,
     * told apart up to {@code cap} (counts at or above it share the last cell).
     */
    public PoissonBinomial inYear(Scope scope, LocalDate asOf, int year, int cap) {
        double[] bounds = span(asOf, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return windows(scope, asOf, bounds, (i, most) -> cap).counts()[0];
    }

    /** The pipeline's groups, how many candidates they hold, and the distribution of its approvals per window. */
    private record Windows(List<IndicatorRepository.PipelineGroup> groups, long considered, PoissonBinomial[] counts) {

        int most() {
            return PipelineForecast.most(considered);
        }
    }

    /**
     * The approvals the pipeline, as it stood on the as-of date, adds in each window {@code (bounds[i], bounds[i + 1]]}
     * (years after the as-of date), as one distribution per window told apart up to its cap: {@code cap} gives it from
     * the window's index and the most approvals the whole pipeline can add.
     */
    private Windows windows(Scope scope, LocalDate asOf, double[] bounds, IntBinaryOperator cap) {
        List<IndicatorRepository.PipelineGroup> groups = repository.pipeline(scope, asOf);
        long considered = groups.stream().mapToLong(IndicatorRepository.PipelineGroup::candidates).sum();
        int[] caps = new int[bounds.length - 1];
        for (int i = 0; i < caps.length; i++) {
            caps[i] = cap.applyAsInt(i, most(considered));
        }
        Reckoning reckoning = new Reckoning(groups, asOf, Arrays.stream(bounds).boxed().toList(),
                Arrays.stream(caps).boxed().toList());
        PoissonBinomial[] counts = reckoned.get(reckoning, key -> reckon(groups, asOf, bounds, caps));
        return new Windows(groups, considered, counts);
    }

    /**
     * What a pipeline's distributions are a function of (with the configuration, fixed while the service runs): the
     * pipeline's groups, the as-of date, the windows and their caps. The groups of a scope whose standing did not
     * change since the last report are the same list, so the targets a write did not touch are not reckoned again.
     */
    private record Reckoning(List<IndicatorRepository.PipelineGroup> groups, LocalDate asOf, List<Double> bounds,
            List<Integer> caps) {
    }

    /** The distributions, never changed once reckoned: each window's count of approvals from the groups' chances. */
    private PoissonBinomial[] reckon(List<IndicatorRepository.PipelineGroup> groups, LocalDate asOf, double[] bounds,
            int[] caps) {
        PoissonBinomial[] counts = new PoissonBinomial[caps.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new PoissonBinomial(caps[i]);
        }
        ApprovalTiming timing = timing(bounds[bounds.length - 1]);
        for (IndicatorRepository.PipelineGroup group : groups) {
            LocalDate decision = group.expectedDecisionOn();
            Double decisionIn = decision != null && decision.isAfter(asOf) ? yearsUntil(asOf, decision) : null;
            double[] chances = timing.windows(group.phase(), yearsUntil(group.since(), asOf), decisionIn, bounds);
            for (int i = 0; i < counts.length; i++) {
                counts[i].add(chances[i], group.candidates());
            }
        }
        return counts;
    }

    /**
     * The timing model up to a horizon, built once per horizon: its phase durations' convolutions cost more than a
     * whole pipeline's chances. A report asks for a few horizons a day (each target's period end, from today).
     */
    private ApprovalTiming timing(double horizonYears) {
        return timings.get(horizonYears, horizon -> new ApprovalTiming(config, horizon));
    }

    /** The most approvals the candidates can add, kept small enough that one cell more still fits an int. */
    private static int most(long considered) {
        return (int) Math.min(considered, Integer.MAX_VALUE - 1);
    }

    /** One window from a date (no earlier than the as-of date) to an end date. */
    private static double[] span(LocalDate asOf, LocalDate from, LocalDate end) {
        double start = opening(asOf, from);
        return new double[] {start, Math.max(start, yearsUntil(asOf, end))};
    }

    /** Where a window starting on the date opens: the as-of date itself, or the day before a later date. */
    private static double opening(LocalDate asOf, LocalDate from) {
        return from.isAfter(asOf) ? yearsUntil(asOf, from.minusDays(1)) : 0.0;
    }

    private static double yearsUntil(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / DAYS_PER_YEAR;
    }

}
