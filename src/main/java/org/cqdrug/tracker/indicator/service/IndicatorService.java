package org.cqdrug.tracker.indicator.service;

import static org.cqdrug.tracker.indicator.CountingRule.atLevel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.httpcache.ChangeCounter;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.CountingRule;
import org.cqdrug.tracker.indicator.IndicatorRepository;
import org.cqdrug.tracker.indicator.config.ForecastConfig;
import org.cqdrug.tracker.indicator.forecast.Outlook;
import org.cqdrug.tracker.indicator.forecast.PoissonBinomial;
import org.cqdrug.tracker.indicator.forecast.YearStatus;
import org.cqdrug.tracker.indicator.mapping.CountedApproval;
import org.cqdrug.tracker.indicator.mapping.CumulativeIndicator;
import org.cqdrug.tracker.indicator.mapping.Forecast;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.indicator.mapping.LeagueEntry;
import org.cqdrug.tracker.indicator.mapping.TotalIndicator;
import org.cqdrug.tracker.indicator.mapping.YearIndicator;
import org.cqdrug.tracker.target.Target;
import org.cqdrug.tracker.target.TargetKind;

/** Compares counted Class 1 approvals with each target, year by year, and forecasts the years still open. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorService {

    private final IndicatorRepository repository;
    private final PipelineForecast pipeline;
    private final Clock clock;
    private final ForecastConfig forecastConfig;
    private final ChangeCounter changes;
    private volatile Current current;

    /** Today's report for every target and the counter and day it was computed under. */
    private record Current(long counter, LocalDate day, IndicatorReport report) {
    }

    public IndicatorService(IndicatorRepository repository, PipelineForecast pipeline, Clock clock,
            ForecastConfig forecastConfig, ChangeCounter changes) {
        this.repository = repository;
        this.pipeline = pipeline;
        this.clock = clock;
        this.forecastConfig = forecastConfig;
        this.changes = changes;
    }

    /** Today's report for every target, computed once per change of the data or of the day (the gauges' source). */
    public IndicatorReport currentReport() {
        long counter = changes.current();
        LocalDate today = LocalDate.now(clock);
        Current kept = current;
        if (kept != null && kept.counter() == counter && kept.day().equals(today)) {
            return kept.report();
        }
        IndicatorReport report = report(null, null, today);
        current = new Current(counter, today, report);
        return report;
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
        List<TotalIndicator> totals = new ArrayList<>();
        for (Target target : targets) {
            if (target.kind == TargetKind.TOTAL) {
                if (year == null) {
                    totals.add(total(target, cut));
                }
            } else {
                addTarget(target, year, cut, items, cumulative);
            }
        }
        return new IndicatorReport(cut, items, cumulative, totals);
    }

    private void addTarget(Target t, Integer onlyYear, LocalDate cut, List<YearIndicator> items,
            List<CumulativeIndicator> cumulative) {
        Scope scope = CountingRule.scope(t);
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
            items.add(yearIndicator(t, y, cut.getYear(), counted.getOrDefault(y, List.of()), forecasts.get(y)));
        }
        if (t.cumulativeMin != null && onlyYear == null) {
            cumulative.add(new CumulativeIndicator(t.id, t.code, t.fromYear, t.toYear, total, t.cumulativeMin,
                    periodStatus(total >= t.cumulativeMin, cut.getYear() < t.fromYear, cut.getYear() > t.toYear)));
        }
    }

    /** An ANNUAL target's year: its confirmed count against the band, the approvals that count and any forecast. */
    private static YearIndicator yearIndicator(Target t, int year, int asOfYear, List<CountedApproval> approvals,
            Forecast forecast) {
        YearIndicator.EvidenceCounts byEvidence = byEvidence(approvals);
        int actual = byEvidence.confirmed();
        YearStatus status = YearStatus.of(year, asOfYear, actual, t.annualMin, t.annualMax);
        int shortfall = Math.max(0, t.annualMin - actual);
        return new YearIndicator(t.id, t.code, year, actual, t.annualMin, t.annualMax, status, shortfall, approvals,
                forecast, byEvidence);
    }

    /**
     * Every target's progress in one ranking: the share of its goal reached (most first), then its probability of
     * reaching it, then its code. An ANNUAL target's goal is its yearly minimum over every year of its period.
     */
    public List<LeagueEntry> league(LocalDate asOf) {
        IndicatorReport report = report(null, null, asOf);
        LocalDate cut = report.asOf();
        List<Standing> standings = new ArrayList<>();
        Map<UUID, List<YearIndicator>> years = new LinkedHashMap<>();
        report.items().forEach(item -> years.computeIfAbsent(item.targetId(), id -> new ArrayList<>()).add(item));
        for (Target t : Target.<Target>list("order by code")) {
            if (t.kind == TargetKind.TOTAL) {
                TotalIndicator total = report.totals().stream().filter(x -> x.targetId().equals(t.id)).findFirst()
                        .orElseThrow();
                standings.add(new Standing(t, t.totalGoal, total.actual(), total.status(),
                        total.probabilityReachingGoal()));
            } else {
                List<YearIndicator> items = years.getOrDefault(t.id, List.of());
                int goal = t.annualMin * (t.toYear - t.fromYear + 1);
                int actual = items.stream().mapToInt(YearIndicator::actual).sum();
                Double probability = items.stream().filter(i -> i.year() == cut.getYear() && i.forecast() != null)
                        .map(i -> i.forecast().probabilityMeetingMin()).findFirst().orElse(null);
                YearStatus status = periodStatus(actual >= goal, cut.getYear() < t.fromYear, cut.getYear() > t.toYear);
                standings.add(new Standing(t, goal, actual, status, probability));
            }
        }
        standings.sort(Comparator.comparingDouble(Standing::share).reversed()
                .thenComparing(s -> s.probability() == null ? -1.0 : s.probability(), Comparator.reverseOrder())
                .thenComparing(s -> s.target().code));
        List<LeagueEntry> ranked = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            ranked.add(entry(i + 1, standings.get(i)));
        }
        return ranked;
    }

    /** A target's goal, what it reached and its chance: what the league ranks it by, before it has a place. */
    private record Standing(Target target, int goal, int actual, double share, YearStatus status, Double probability) {

        Standing(Target target, int goal, int actual, YearStatus status, Double probability) {
            this(target, goal, actual, goal == 0 ? 1.0 : PoissonBinomial.round((double) actual / goal), status,
                    probability);
        }
    }

    private LeagueEntry entry(int rank, Standing standing) {
        Target t = standing.target();
        Double probability = standing.probability();
        Outlook outlook = probability == null ? null : outlook(probability);
        return new LeagueEntry(rank, t.id, t.code, t.name, t.nameZh, t.kind.name(), t.regionCode, t.fromYear,
                t.toYear, standing.goal(), standing.actual(), standing.share(), standing.status(), probability, outlook);
    }

    /** What the pipeline makes of a TOTAL target's shortfall while its period is open; nothing once it has ended. */
    private record Prospect(Double expected, Double probability, Outlook outlook) {

        static final Prospect NONE = new Prospect(null, null, null);
    }

    /** A TOTAL target: confirmed approvals since countFrom against the goal, and the pipeline's chance to close the gap. */
    private TotalIndicator total(Target t, LocalDate cut) {
        Scope scope = CountingRule.scope(t);
        LocalDate from = t.countFrom != null ? t.countFrom : SaneDate.MIN;
        LocalDate end = LocalDate.of(t.toYear, 12, 31);
        LocalDate to = cut.isBefore(end) ? cut : end;
        List<CountedApproval> approvals = to.isBefore(from) ? List.of()
                : repository.countedByYear(t.authority, scope, from, to).values().stream().flatMap(List::stream)
                        .sorted(Comparator.comparing(CountedApproval::approvedOn)).toList();
        YearIndicator.EvidenceCounts byEvidence = byEvidence(approvals);
        int actual = byEvidence.confirmed();
        int shortfall = Math.max(0, t.totalGoal - actual);
        YearStatus status = periodStatus(actual >= t.totalGoal, t.countFrom != null && cut.isBefore(t.countFrom),
                cut.isAfter(end));
        Prospect prospect = Prospect.NONE;
        if (!cut.isAfter(end)) {
            PipelineForecast.Addition addition = pipeline.until(scope, cut, end, shortfall);
            double probability = addition.probabilityOfAtLeastNeeded();
            prospect = new Prospect(actual + addition.expected(), probability, outlook(probability));
        }
        return new TotalIndicator(t.id, t.code, t.countFrom, t.toYear, t.totalGoal, actual, byEvidence, status,
                shortfall, prospect.expected(), prospect.probability(), prospect.outlook(), approvals);
    }

    private Outlook outlook(double probability) {
        return Outlook.of(probability, forecastConfig.onTrackAt(), forecastConfig.atRiskAt());
    }

    private static YearIndicator.EvidenceCounts byEvidence(List<CountedApproval> approvals) {
        return new YearIndicator.EvidenceCounts(atLevel(approvals, Evidence.CONFIRMED),
                atLevel(approvals, Evidence.REPORTED), atLevel(approvals, Evidence.UNCONFIRMED));
    }

    /** A goal over a period: MET once reached; otherwise MISSED after the period, NOT_STARTED before it. */
    private static YearStatus periodStatus(boolean reached, boolean before, boolean after) {
        return reached ? YearStatus.MET : after ? YearStatus.MISSED
                : before ? YearStatus.NOT_STARTED : YearStatus.IN_PROGRESS;
    }

    /** Counted approvals by year, from the start of the period to its end or the as-of date, whichever is first. */
    private Map<Integer, List<CountedApproval>> counted(Target t, Scope scope, LocalDate cut) {
        LocalDate from = LocalDate.of(t.fromYear, 1, 1);
        LocalDate periodEnd = LocalDate.of(t.toYear, 12, 31);
        LocalDate to = cut.isBefore(periodEnd) ? cut : periodEnd;
        return to.isBefore(from) ? Map.of() : repository.countedByYear(t.authority, scope, from, to);
    }
}
