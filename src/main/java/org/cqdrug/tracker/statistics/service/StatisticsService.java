package org.cqdrug.tracker.statistics.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.collaboration.CollaborationType;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.statistics.StatisticsRepository;
import org.cqdrug.tracker.statistics.mapping.ClusterScorecard;
import org.cqdrug.tracker.statistics.mapping.PipelineFunnel;
import org.cqdrug.tracker.statistics.mapping.YearlyApprovals;

/** Counts for dashboards, from the repository's aggregates; the scope (sponsor region, candidate cluster) is the indicators'. */
@RetriedOnConflict
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    /** Longest range of years one yearly request may span. */
    public static final int MAX_YEARS = 100;

    private final StatisticsRepository repository;
    private final Clock clock;

    public StatisticsService(StatisticsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Approval counts per year from {@code from} to {@code to}, zeros included; a missing {@code to} is this year and
     * a missing {@code from} nine years before it.
     */
    public YearlyApprovals yearly(Integer from, Integer to, Scope scope, Authority authority, Evidence evidence) {
        Evidence level = orConfirmed(evidence);
        int last = to != null ? to : LocalDate.now(clock).getYear();
        int first = from != null ? from : last - 9;
        if (last < first) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (last - first >= MAX_YEARS) {
            throw ApiProblem.invalid("to", "must be less than " + MAX_YEARS + " years after from");
        }
        Map<Integer, Map<Category, Long>> all = new HashMap<>();
        Map<Integer, Map<Category, Long>> class1 = new HashMap<>();
        for (StatisticsRepository.YearCount row : repository.approvalsByYear(LocalDate.of(first, 1, 1),
                LocalDate.of(last, 12, 31), scope, authority, level)) {
            all.computeIfAbsent(row.year(), y -> zeros()).merge(row.category(), row.count(), Long::sum);
            if (row.class1()) {
                class1.computeIfAbsent(row.year(), y -> zeros()).merge(row.category(), row.count(), Long::sum);
            }
        }
        Map<Integer, Long> uncertain = repository.uncertainByYear(first, last, scope, authority, level);
        List<YearlyApprovals.Year> items = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            Map<Category, Long> byCategory = all.getOrDefault(year, zeros());
            Map<Category, Long> class1ByCategory = class1.getOrDefault(year, zeros());
            items.add(new YearlyApprovals.Year(year, sum(byCategory), sum(class1ByCategory), byCategory, class1ByCategory,
                    uncertain.getOrDefault(year, 0L)));
        }
        return new YearlyApprovals(first, last, level, items);
    }

    public PipelineFunnel pipeline(Scope scope, Evidence evidence) {
        Evidence level = orConfirmed(evidence);
        Map<Phase, Map<Category, Long>> counts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            counts.put(phase, zeros());
        }
        for (StatisticsRepository.FunnelCount row : repository.candidatesByPhaseAndCategory(scope, level)) {
            counts.get(row.phase()).put(row.category(), row.count());
        }
        List<PipelineFunnel.PhaseCount> byPhase = new ArrayList<>();
        List<PipelineFunnel.PhaseCategoryCount> byPair = new ArrayList<>();
        Map<Category, Long> byCategory = zeros();
        counts.forEach((phase, perCategory) -> {
            byPhase.add(new PipelineFunnel.PhaseCount(phase, sum(perCategory)));
            perCategory.forEach((category, n) -> {
                byPair.add(new PipelineFunnel.PhaseCategoryCount(phase, category, n));
                byCategory.merge(category, n, Long::sum);
            });
        });
        return new PipelineFunnel(level, sum(byCategory), byPhase,
                byCategory.entrySet().stream().map(e -> new PipelineFunnel.CategoryCount(e.getKey(), e.getValue())).toList(),
                byPair);
    }

    /** The cluster's scorecard for a year; a missing year is this year. */
    public ClusterScorecard scorecard(UUID clusterId, Integer requestedYear, Evidence evidence) {
        Evidence level = orConfirmed(evidence);
        Cluster cluster = Cluster.findById(clusterId);
        if (cluster == null) {
            throw ApiProblem.notFound("cluster", clusterId);
        }
        int year = requestedYear != null ? requestedYear : LocalDate.now(clock).getYear();
        Scope scope = new Scope(null, clusterId);
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        StatisticsRepository.ApprovalTotals approvals = repository.approvalTotals(scope, start, end, level);
        Map<CollaborationType, Long> inYear = new EnumMap<>(CollaborationType.class);
        Map<CollaborationType, Long> toDate = new EnumMap<>(CollaborationType.class);
        for (CollaborationType type : CollaborationType.values()) {
            inYear.put(type, 0L);
            toDate.put(type, 0L);
        }
        for (StatisticsRepository.CollaborationCount row : repository.collaborationsByType(clusterId, start, end)) {
            inYear.put(row.type(), row.inYear());
            toDate.put(row.type(), row.toDate());
        }
        return new ClusterScorecard(cluster.id, cluster.code, year, level, pipeline(scope, level).byPhase(),
                new ClusterScorecard.ApprovalCounts(approvals.inYear(), approvals.class1InYear()),
                new ClusterScorecard.ApprovalCounts(approvals.toDate(), approvals.class1ToDate()),
                typeCounts(inYear), typeCounts(toDate));
    }

    /** Counts are of confirmed facts unless a less sure level is asked for, as for targets. */
    private static Evidence orConfirmed(Evidence evidence) {
        return evidence == null ? Evidence.CONFIRMED : evidence;
    }

    private static List<ClusterScorecard.TypeCount> typeCounts(Map<CollaborationType, Long> counts) {
        return counts.entrySet().stream().map(e -> new ClusterScorecard.TypeCount(e.getKey(), e.getValue())).toList();
    }

    private static Map<Category, Long> zeros() {
        Map<Category, Long> map = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            map.put(category, 0L);
        }
        return map;
    }

    private static long sum(Map<?, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
