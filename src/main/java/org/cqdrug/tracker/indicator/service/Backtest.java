package org.cqdrug.tracker.indicator.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import static org.cqdrug.tracker.indicator.CountingRule.atLevel;
import static org.cqdrug.tracker.indicator.forecast.PoissonBinomial.round;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.CountingRule;
import org.cqdrug.tracker.indicator.IndicatorRepository;
import org.cqdrug.tracker.indicator.forecast.PoissonBinomial;
import org.cqdrug.tracker.indicator.mapping.BacktestReport;
import org.cqdrug.tracker.indicator.mapping.CountProbability;
import org.cqdrug.tracker.target.Target;
import org.cqdrug.tracker.target.TargetKind;

/**
 * Measures the forecast against the past: each past year of an ANNUAL target is forecast as of its 1 January and
 * 1 July from the pipeline as it stood then (point in time), and compared with the confirmed count it ended with.
 */
@RetriedOnConflict
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Backtest {

    private static final int MAX_YEARS = 50;
    private static final int BINS = 5;

    private final IndicatorRepository repository;
    private final PipelineForecast pipeline;
    private final Clock clock;

    public Backtest(IndicatorRepository repository, PipelineForecast pipeline, Clock clock) {
        this.repository = repository;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    public BacktestReport run(String targetId, Integer from, Integer to) {
        Target t = Target.byIdOrCode(targetId).orElseThrow(() -> ApiProblem.notFound("target", targetId));
        if (t.kind != TargetKind.ANNUAL) {
            throw ApiProblem.invalid("targetId", "names a TOTAL target; back-tests compare yearly forecasts, so they"
                    + " take ANNUAL targets");
        }
        int lastPast = LocalDate.now(clock).getYear() - 1;
        int first = from != null ? from : t.fromYear;
        int last = to != null ? to : Math.min(t.toYear, lastPast);
        if (last > lastPast) {
            throw ApiProblem.invalid("to", "must be a past year (" + lastPast + " or earlier): the year must be over");
        }
        if (last < first) {
            throw ApiProblem.invalid("to", "must not be before from (" + first + ")");
        }
        if (last - first >= MAX_YEARS) {
            throw ApiProblem.invalid("to", "must be less than " + MAX_YEARS + " years after from");
        }
        Scope scope = CountingRule.scope(t);
        List<BacktestReport.Row> rows = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            int actual = confirmed(t, scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            for (LocalDate asOf : List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 7, 1))) {
                rows.add(row(t, scope, year, asOf, actual));
            }
        }
        return new BacktestReport(t.id, t.code, first, last, rows, brier(rows), meanAbsoluteError(rows),
                calibration(rows));
    }

    private BacktestReport.Row row(Target t, Scope scope, int year, LocalDate asOf, int actual) {
        int certain = confirmed(t, scope, LocalDate.of(year, 1, 1), asOf);
        PoissonBinomial additions = pipeline.inYear(scope, asOf, year,
                CountProbability.cells(t.annualMin, t.annualMax, certain));
        int needed = t.annualMin - certain;
        double meeting = needed <= 0 ? 1.0 : additions.atLeast(needed);
        return new BacktestReport.Row(year, asOf, certain, round(certain + additions.expected()), round(meeting),
                CountProbability.of(certain, additions), actual, actual >= t.annualMin);
    }

    /** Confirmed approvals certainly in the year of {@code from}, and certainly by {@code asOf}. */
    private int confirmed(Target t, Scope scope, LocalDate from, LocalDate asOf) {
        LocalDate end = LocalDate.of(from.getYear(), 12, 31);
        LocalDate by = CountingRule.certainBy(end, asOf, LocalDate.now(clock));
        return atLevel(repository.overlapping(t.authority, scope, from, end, asOf).stream()
                .filter(a -> CountingRule.certainlyWithin(a, from, by)).toList(), Evidence.CONFIRMED);
    }

    private static double brier(List<BacktestReport.Row> rows) {
        return round(rows.stream().mapToDouble(r -> Math.pow(r.probabilityMeetingMin() - (r.met() ? 1 : 0), 2))
                .average().orElse(0));
    }

    private static double meanAbsoluteError(List<BacktestReport.Row> rows) {
        return round(rows.stream().mapToDouble(r -> Math.abs(r.expected() - r.actual())).average().orElse(0));
    }

    private static List<BacktestReport.CalibrationBin> calibration(List<BacktestReport.Row> rows) {
        List<BacktestReport.CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double low = (double) b / BINS;
            double high = (double) (b + 1) / BINS;
            boolean lastBin = b == BINS - 1;
            List<BacktestReport.Row> in = rows.stream().filter(r -> r.probabilityMeetingMin() >= low
                    && (r.probabilityMeetingMin() < high || lastBin)).toList();
            bins.add(new BacktestReport.CalibrationBin(low, high, in.size(),
                    in.isEmpty() ? null : round(in.stream().mapToDouble(BacktestReport.Row::probabilityMeetingMin).average().orElse(0)),
                    in.isEmpty() ? null : round(in.stream().filter(BacktestReport.Row::met).count() / (double) in.size())));
        }
        return bins;
    }

}
