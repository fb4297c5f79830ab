package org.cqdrug.tracker.indicator.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
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
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.httpcache.ChangeCounter;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.CountingRule;
import org.cqdrug.tracker.indicator.InputMemo;
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
import org.cqdrug.tracker.indicator.mapping.PublishedFigure;
import org.cqdrug.tracker.indicator.mapping.TotalIndicator;
import org.cqdrug.tracker.common.audit.KnownAt;
import org.cqdrug.tracker.published.CountMetric;
import org.cqdrug.tracker.published.mapping.PublishedCountView;
import org.cqdrug.tracker.published.service.PublishedCountService;
import org.cqdrug.tracker.indicator.mapping.YearIndicator;
import org.cqdrug.tracker.target.Target;
import org.cqdrug.tracker.target.TargetKind;

/** Compares counted Class 1 approvals with each target, year by year, and forecasts the years still open. */
@RetriedOnConflict
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorService {

    private final IndicatorRepository repository;
    private final PipelineForecast pipeline;
    private final Clock clock;
    private final ForecastConfig forecastConfig;
    private final ChangeCounter changes;
    private final PublishedCountService publishedCounts;
    private final KnownAt knownAt;
    private final InputMemo memo;
    private volatile Current current;

    /** Today's report for every target and the counter and day it was computed under. */
    private record Current(long counter, LocalDate day, IndicatorReport report) {
    }

    public IndicatorService(IndicatorRepository repository, PipelineForecast pipeline, Clock clock,
            ForecastConfig forecastConfig, ChangeCounter changes, PublishedCountService publishedCounts,
            KnownAt knownAt, InputMemo memo) {
        this.memo = memo;
        this.knownAt = knownAt;
        this.publishedCounts = publishedCounts;
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

    /**
     * The indicators of every target, or of the one named by its id or code, from inputs read again only where they
     * changed since the last report ({@link InputMemo}).
     */
    public IndicatorReport report(String targetId, Integer year, LocalDate asOf) {
        return memo.reading(() -> compute(targetId, year, asOf));
    }

    private IndicatorReport compute(String targetId, Integer year, LocalDate asOf) {
        LocalDate cut = asOf == null ? knownAt.today(clock) : asOf;
        List<Target> targets;
        if (targetId == null || targetId.isEmpty()) {
            targets = targets();
        } else {
            targets = List.of(targets().stream()
                    .filter(t -> t.isNamedBy(targetId))
                    .findFirst().orElseThrow(() -> ApiProblem.notFound("target", targetId)));
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
        CountingRule.ByYear byYear = CountingRule.byYear(approvals(t, scope, cut), t.fromYear, t.toYear, knownBy(cut));
        // Status, shortfall, totals and the forecast's certain count come from confirmed approvals only.
        Map<Integer, Integer> actual = new HashMap<>();
        byYear.counted().forEach((y, list) -> actual.put(y, atLevel(list, Evidence.CONFIRMED)));
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
            items.add(yearIndicator(t, y, cut, byYear.counted().getOrDefault(y, List.of()),
                    byYear.uncertain().getOrDefault(y, List.of()), forecasts.get(y),
                    published(t, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), cut)));
        }
        if (t.cumulativeMin != null && onlyYear == null) {
            cumulative.add(new CumulativeIndicator(t.id, t.code, t.fromYear, t.toYear, total, t.cumulativeMin,
                    periodStatus(total >= t.cumulativeMin, cut.getYear() < t.fromYear, cut.getYear() > t.toYear)));
        }
    }

    /** An ANNUAL target's year: its confirmed count against the band, the approvals that count and any forecast. */
    private static YearIndicator yearIndicator(Target t, int year, LocalDate cut, List<CountedApproval> approvals,
            List<CountedApproval> uncertain, Forecast forecast, PublishedFigure published) {
        YearIndicator.EvidenceCounts byEvidence = byEvidence(approvals);
        int actual = byEvidence.confirmed();
        YearStatus status = YearStatus.of(year, cut.getYear(), actual, t.annualMin, t.annualMax);
        int shortfall = Math.max(0, t.annualMin - actual);
        return new YearIndicator(t.id, t.code, year, actual, t.annualMin, t.annualMax, status, shortfall, approvals,
                forecast, byEvidence, uncertain, published);
    }

    /**
     * The longest count the target's region (or cluster) published within [from, to], with the confirmed records
     * that certainly fall in its own period; null when the target is scoped to both a region and a cluster, which
     * no published count is, or when none is recorded.
     */
    private PublishedFigure published(Target t, LocalDate from, LocalDate to, LocalDate cut) {
        Scope scope = CountingRule.scope(t);
        if (scope.regionCode() != null && scope.clusterId() != null) {
            return null;
        }
        Supplier<List<PublishedCountView>> read =
                () -> publishedCounts.within(scope, CountMetric.CLASS1_APPROVALS, from, to, cut);
        // as for approvals, only today's and later are kept
        List<PublishedCountView> counts = cut.isBefore(knownAt.today(clock)) ? read.get()
                : memo.published(new Published(scope, from, to, cut), read);
        return counts.stream().findFirst()
                .map(count -> figure(count, t.authority, scope, cut)).orElse(null);
    }

    /** What {@link #published} selects by. */
    private record Published(Scope scope, LocalDate from, LocalDate to, LocalDate asOf) {
    }

    private PublishedFigure figure(PublishedCountView count, Authority authority, Scope scope, LocalDate cut) {
        int counted = counted(authority, scope, count.periodFrom(), count.periodTo(), cut);
        return new PublishedFigure(count.id(), count.periodFrom(), count.periodTo(), count.value(),
                count.nationalShare(), count.sourceUrl(), count.evidence(), count.publishedOn(), counted,
                ratio(counted, count.value()));
    }

    /** Confirmed approvals of the scope that certainly fall in [from, to], as of the date. */
    private int counted(Authority authority, Scope scope, LocalDate from, LocalDate to, LocalDate cut) {
        LocalDate by = CountingRule.certainBy(to, cut, knownAt.today(clock));
        return atLevel(repository.overlapping(authority, scope, from, to, cut).stream()
                .filter(a -> CountingRule.certainlyWithin(a, from, by)).toList(), Evidence.CONFIRMED);
    }

    private LocalDate knownBy(LocalDate cut) {
        return CountingRule.knownBy(cut, knownAt.today(clock));
    }


    /** part / whole to six decimals; null when the whole is 0 or unknown. */
    static Double ratio(int part, Integer whole) {
        return whole == null || whole == 0 ? null : PoissonBinomial.round((double) part / whole);
    }

    /**
     * Every target's progress in one ranking: the share of its goal reached (most first; none yet last), then its
     * probability of reaching it, then its code. An ANNUAL target is judged year by year: the share of its judged
     * years (the past years of its period, and the as-of year once it has reached its minimum) that reached the yearly
     * minimum. A TOTAL target's share is its count over its goal. Published counts are shown, never ranked.
     */
    public List<LeagueEntry> league(LocalDate asOf) {
        return memo.reading(() -> rank(asOf));
    }

    private List<LeagueEntry> rank(LocalDate asOf) {
        IndicatorReport report = report(null, null, asOf);
        LocalDate cut = report.asOf();
        List<LeagueEntry> standings = new ArrayList<>();
        Map<UUID, List<YearIndicator>> years = new LinkedHashMap<>();
        report.items().forEach(item -> years.computeIfAbsent(item.targetId(), id -> new ArrayList<>()).add(item));
        for (Target t : targets()) {
            if (t.kind == TargetKind.TOTAL) {
                TotalIndicator total = report.totals().stream().filter(x -> x.targetId().equals(t.id)).findFirst()
                        .orElseThrow();
                Double share = t.totalGoal == 0 ? Double.valueOf(1.0) : ratio(total.actual(), t.totalGoal);
                standings.add(entry(t, t.totalGoal, total.actual(), null, null, share, total.status(),
                        total.probabilityReachingGoal(), total.published()));
            } else {
                List<YearIndicator> items = years.getOrDefault(t.id, List.of());
                int actual = items.stream().mapToInt(YearIndicator::actual).sum();
                List<YearIndicator> judged = items.stream().filter(i -> i.year() < cut.getYear()
                        || (i.year() == cut.getYear() && i.actual() >= i.annualMin())).toList();
                int met = (int) judged.stream().filter(i -> i.actual() >= i.annualMin()).count();
                Double probability = items.stream().filter(i -> i.year() == cut.getYear() && i.forecast() != null)
                        .map(i -> i.forecast().probabilityMeetingMin()).findFirst().orElse(null);
                // "Every year" is missed once one past year fell short, and met once every year of the period has.
                boolean allMet = cut.getYear() > t.toYear && met == judged.size();
                YearStatus status = met < judged.size() ? YearStatus.MISSED
                        : periodStatus(allMet, cut.getYear() < t.fromYear, cut.getYear() > t.toYear);
                standings.add(entry(t, t.annualMin, actual, judged.size(), met, ratio(met, judged.size()), status,
                        probability, published(t, LocalDate.of(t.fromYear, 1, 1), LocalDate.of(t.toYear, 12, 31), cut)));
            }
        }
        standings.sort(Comparator.comparing(LeagueEntry::shareReached, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(LeagueEntry::probability, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(LeagueEntry::targetCode));
        List<LeagueEntry> ranked = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            ranked.add(standings.get(i).ranked(i + 1));
        }
        return ranked;
    }

    private LeagueEntry entry(Target t, int goal, int actual, Integer yearsJudged, Integer yearsMet, Double share,
            YearStatus status, Double probability, PublishedFigure published) {
        Outlook outlook = probability == null ? null : outlook(probability);
        return new LeagueEntry(0, t.id, t.code, t.name, t.nameZh, t.kind.name(), t.regionCode, t.fromYear, t.toYear,
                goal, actual, yearsJudged, yearsMet, share, status, probability, outlook, published);
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
        List<CountedApproval> approvals = new ArrayList<>();
        List<CountedApproval> uncertain = new ArrayList<>();
        LocalDate by = CountingRule.certainBy(end, cut, knownAt.today(clock));
        for (CountedApproval approval : repository.overlapping(t.authority, scope, from, end, cut)) {
            (CountingRule.certainlyWithin(approval, from, by) ? approvals : uncertain).add(approval);
        }
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
                shortfall, prospect.expected(), prospect.probability(), prospect.outlook(), approvals, uncertain,
                published(t, from, end, cut));
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

    /** Approvals that may fall in the target's period, known by the as-of date. */
    private List<CountedApproval> approvals(Target t, Scope scope, LocalDate cut) {
        return repository.overlapping(t.authority, scope, LocalDate.of(t.fromYear, 1, 1),
                LocalDate.of(t.toYear, 12, 31), cut);
    }

    /** Every target by code, as the record stands or as it was known (see {@link KnownAt}). */
    private List<Target> targets() {
        return knownAt.entities(Target.class, () -> Target.list("order by code"), Comparator.comparing(t -> t.code));
    }
}
