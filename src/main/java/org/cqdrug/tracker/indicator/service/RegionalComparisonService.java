package org.cqdrug.tracker.indicator.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.CountingRule;
import org.cqdrug.tracker.indicator.IndicatorRepository;
import org.cqdrug.tracker.indicator.mapping.RegionalComparison;
import org.cqdrug.tracker.common.audit.KnownAt;
import org.cqdrug.tracker.published.CountMetric;
import org.cqdrug.tracker.published.mapping.PublishedCountView;
import org.cqdrug.tracker.published.service.PublishedCountService;

/**
 * Every region's confirmed Class 1 approvals in a year, counted from records by the counting rule, beside the count
 * the region published for the year and the nation's total. Published figures are shown, never counted or ranked by.
 */
@RetriedOnConflict
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RegionalComparisonService {

    /** The code published counts give the nation. */
    static final String NATION = "CN";

    private final IndicatorRepository repository;
    private final PublishedCountService publishedCounts;
    private final Clock clock;
    private final KnownAt knownAt;

    public RegionalComparisonService(IndicatorRepository repository, PublishedCountService publishedCounts, Clock clock,
            KnownAt knownAt) {
        this.knownAt = knownAt;
        this.repository = repository;
        this.publishedCounts = publishedCounts;
        this.clock = clock;
    }

    /** The year defaults to the as-of date's, and the as-of date to today; a year after the as-of date answers 400. */
    public RegionalComparison compare(Integer requestedYear, LocalDate asOf) {
        LocalDate cut = asOf != null ? asOf : knownAt.today(clock);
        int year = requestedYear != null ? requestedYear : cut.getYear();
        if (year > cut.getYear()) {
            throw ApiProblem.invalid("year", "must not be after the as-of date's year (" + cut.getYear() + ")");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        LocalDate by = CountingRule.certainBy(to, cut, knownAt.today(clock));
        Map<String, int[]> counted = new HashMap<>();
        for (IndicatorRepository.Located located : repository.located(Authority.NMPA, new Scope(null, null), from, to,
                cut)) {
            if (!CountingRule.certainlyWithin(located.approval(), from, by)) {
                continue;
            }
            int[] levels = counted.computeIfAbsent(located.regionCode(), r -> new int[2]);
            Evidence evidence = located.approval().evidence();
            levels[0] += Evidence.CONFIRMED.andSurer().contains(evidence) ? 1 : 0;
            levels[1] += Evidence.REPORTED.andSurer().contains(evidence) ? 1 : 0;
        }
        Map<String, PublishedCountView> published = new HashMap<>();
        for (PublishedCountView count : publishedCounts.regionsInYear(CountMetric.CLASS1_APPROVALS, year, cut)) {
            published.putIfAbsent(count.regionCode(), count);
        }
        Optional<RegionalComparison.National> national = national(published.remove(NATION), year, cut);
        TreeSet<String> regions = new TreeSet<>(repository.sponsorRegions());
        regions.addAll(counted.keySet());
        regions.addAll(published.keySet());
        regions.remove(NATION);
        Integer nationalValue = national.map(RegionalComparison.National::value).orElse(null);
        List<RegionalComparison.Region> rows = new ArrayList<>();
        for (String region : regions) {
            int[] levels = counted.getOrDefault(region, new int[2]);
            PublishedCountView own = published.get(region);
            Integer value = own == null ? null : own.value();
            rows.add(new RegionalComparison.Region(0, region, levels[0], levels[1], value,
                    own == null ? null : own.evidence().name(), own == null ? null : own.sourceUrl(),
                    own == null ? null : own.nationalShare(), IndicatorService.ratio(levels[0], value),
                    IndicatorService.ratio(levels[0], nationalValue),
                    value == null ? null : IndicatorService.ratio(value, nationalValue), null));
        }
        return new RegionalComparison(year, cut, national.orElse(null), ranked(rows));
    }

    /**
     * The nation's count for the year: the surest of its Class 1 count and NMPA's innovative-drug count, the Class 1
     * one between equals.
     */
    private Optional<RegionalComparison.National> national(PublishedCountView class1, int year, LocalDate cut) {
        Optional<PublishedCountView> nmpa = publishedCounts.regionsInYear(CountMetric.NMPA_INNOVATIVE_DRUGS, year, cut)
                .stream().filter(c -> NATION.equals(c.regionCode())).findFirst();
        PublishedCountView count = class1 == null ? nmpa.orElse(null)
                : nmpa.filter(other -> other.evidence().compareTo(class1.evidence()) < 0).orElse(class1);
        return Optional.ofNullable(count).map(c -> new RegionalComparison.National(c.metric().name(), c.value(),
                c.sourceUrl(), c.evidence().name()));
    }

    /** Places by counted (ties share one), and separately by published among the regions that have one. */
    private static List<RegionalComparison.Region> ranked(List<RegionalComparison.Region> rows) {
        List<RegionalComparison.Region> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(RegionalComparison.Region::counted).reversed()
                .thenComparing(RegionalComparison.Region::regionCode));
        List<Integer> publishedValues = sorted.stream().map(RegionalComparison.Region::published)
                .filter(java.util.Objects::nonNull).sorted(Comparator.reverseOrder()).toList();
        List<RegionalComparison.Region> out = new ArrayList<>();
        for (RegionalComparison.Region row : sorted) {
            int rank = 1 + (int) sorted.stream().filter(other -> other.counted() > row.counted()).count();
            Integer publishedRank = row.published() == null ? null : 1 + publishedValues.indexOf(row.published());
            out.add(new RegionalComparison.Region(rank, row.regionCode(), row.counted(), row.countedOrReported(),
                    row.published(), row.publishedEvidence(), row.publishedSourceUrl(), row.publishedStatedShare(),
                    row.coverage(), row.share(), row.publishedShare(), publishedRank));
        }
        return out;
    }
}
