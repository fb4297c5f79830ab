package org.cqdrug.tracker.indicator.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.IndicatorRepository;
import org.cqdrug.tracker.indicator.forecast.YearStatus;
import org.cqdrug.tracker.indicator.mapping.CountedApproval;
import org.cqdrug.tracker.indicator.mapping.CumulativeIndicator;
import org.cqdrug.tracker.indicator.mapping.Forecast;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.indicator.mapping.YearIndicator;
import org.cqdrug.tracker.target.Target;

/** Compares counted Class 1 approvals with each target, year by year, and forecasts the years still open. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorService {

    private final IndicatorRepository repository;
    private final PipelineForecast pipeline;
    private final Clock clock;

    public IndicatorService(IndicatorRepository repository, PipelineForecast pipeline, Clock clock) {
        this.repository = repository;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    public IndicatorReport report(UUID targetId, Integer year, LocalDate asOf) {
        LocalDate cut = asOf == null ? LocalDate.now(clock) : asOf;
        List<Target> targets;
        if (targetId == null) {
            targets = Target.list("order by code");
        } else {
            Target target = Target.findById(targetId);
            if (target == null) {
                throw ApiProblem.notFound("target", targetId);
            }
            targets = List.of(target);
        }
        List<YearIndicator> items = new ArrayList<>();
        List<CumulativeIndicator> cumulative = new ArrayList<>();
        for (Target target : targets) {
            addTarget(target, year, cut, items, cumulative);
        }
        return new IndicatorReport(cut, items, cumulative);
    }

    private void addTarget(Target t, Integer onlyYear, LocalDate cut, List<YearIndicator> items,
            List<CumulativeIndicator> cumulative) {
        Scope scope = new Scope(t.regionCode, t.cluster == null ? null : t.cluster.id);
        Map<Integer, List<CountedApproval>> counted = counted(t, scope, cut);
        // Status, shortfall, totals and the forecast's certain count come from confirmed approvals only.
        Map<Integer, Integer> actual = new HashMap<>();
        counted.forEach((y, list) -> actual.put(y, atLevel(list, Evidence.CONFIRMED)));
        boolean wantsForecast = onlyYear == null || onlyYear >= cut.getYear();
        Map<Integer, Forecast> forecasts = wantsForecast
                ? pipeline.forecast(scope, cut, t.fromYear, t.toYear, t.annualMin, t.annualMax, actual)
                : Map.of();
        int total = 0;
        for (int y = t.fromYear; y <= t.toYear; y++) {
            int count = actual.getOrDefault(y, 0);
            total += count;
            if (onlyYear != null && onlyYear != y) {
                continue;
            }
            items.add(new YearIndicator(t.id, t.code, y, count, t.annualMin, t.annualMax,
                    YearStatus.of(y, cut.getYear(), count, t.annualMin, t.annualMax),
                    Math.max(0, t.annualMin - count), counted.getOrDefault(y, List.of()), forecasts.get(y),
                    byEvidence(counted.getOrDefault(y, List.of()))));
        }
        if (t.cumulativeMin != null && onlyYear == null) {
            cumulative.add(new CumulativeIndicator(t.id, t.code, t.fromYear, t.toYear, total, t.cumulativeMin,
                    cumulativeStatus(t, cut, total)));
        }
    }

    private static YearIndicator.EvidenceCounts byEvidence(List<CountedApproval> approvals) {
        return new YearIndicator.EvidenceCounts(atLevel(approvals, Evidence.CONFIRMED),
                atLevel(approvals, Evidence.REPORTED), atLevel(approvals, Evidence.UNCONFIRMED));
    }

    /** How many of the approvals are at the level or surer. */
    private static int atLevel(List<CountedApproval> approvals, Evidence level) {
        return (int) approvals.stream().filter(a -> level.andSurer().contains(a.evidence())).count();
    }

    private static YearStatus cumulativeStatus(Target t, LocalDate cut, int total) {
        if (total >= t.cumulativeMin) {
            return YearStatus.MET;
        }
        if (cut.getYear() < t.fromYear) {
            return YearStatus.NOT_STARTED;
        }
        return cut.getYear() > t.toYear ? YearStatus.MISSED : YearStatus.IN_PROGRESS;
    }

    /** Counted approvals by year, from the start of the period to its end or the as-of date, whichever is first. */
    private Map<Integer, List<CountedApproval>> counted(Target t, Scope scope, LocalDate cut) {
        LocalDate from = LocalDate.of(t.fromYear, 1, 1);
        LocalDate periodEnd = LocalDate.of(t.toYear, 12, 31);
        LocalDate to = cut.isBefore(periodEnd) ? cut : periodEnd;
        return to.isBefore(from) ? Map.of() : repository.countedByYear(t.authority, scope, from, to);
    }
}
