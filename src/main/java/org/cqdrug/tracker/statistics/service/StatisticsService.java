package org.cqdrug.tracker.statistics.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.approval.Authority;
import org.cqdrug.tracker.candidate.Category;
import org.cqdrug.tracker.candidate.Phase;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.collaboration.CollaborationType;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.indicator.CountingRule;
import org.cqdrug.tracker.statistics.mapping.ClusterScorecard;
import org.cqdrug.tracker.statistics.mapping.PipelineFunnel;
import org.cqdrug.tracker.statistics.mapping.YearlyApprovals;

/** Counts for dashboards, each one SQL aggregate; the scope (sponsor region, candidate cluster) is the indicators'. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    /** Longest range of years one yearly request may span. */
    public static final int MAX_YEARS = 100;

    private final EntityManager em;

    public StatisticsService(EntityManager em) {
        this.em = em;
    }

    public YearlyApprovals yearly(int from, int to, CountingRule.Scope scope, Authority authority) {
        if (to < from) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (to - from >= MAX_YEARS) {
            throw ApiProblem.invalid("to", "must be less than " + MAX_YEARS + " years after from");
        }
        Map<String, Object> params = CountingRule.newParams();
        params.put("fromDate", LocalDate.of(from, 1, 1));
        params.put("toDate", LocalDate.of(to, 12, 31));
        String filters = scope.sql(params);
        if (authority != null) {
            filters += " and a.authority = :authority";
            params.put("authority", authority.name());
        }
        String sql = "select cast(extract(year from a.approved_on) as integer), a.category, "
                + CountingRule.class1("a.registration_class") + ", count(*)"
                + CountingRule.APPROVAL_JOINS
                + " where a.approved_on between :fromDate and :toDate" + filters
                + " group by 1, 2, 3";
        Map<Integer, Map<Category, Long>> all = new HashMap<>();
        Map<Integer, Map<Category, Long>> class1 = new HashMap<>();
        for (Object[] row : SqlRows.list(em, sql, params)) {
            int year = SqlRows.integer(row[0]);
            Category category = Category.valueOf((String) row[1]);
            long count = SqlRows.count(row[3]);
            all.computeIfAbsent(year, y -> zeros()).merge(category, count, Long::sum);
            if (Boolean.TRUE.equals(row[2])) {
                class1.computeIfAbsent(year, y -> zeros()).merge(category, count, Long::sum);
            }
        }
        List<YearlyApprovals.Year> items = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            Map<Category, Long> byCategory = all.getOrDefault(year, zeros());
            Map<Category, Long> class1ByCategory = class1.getOrDefault(year, zeros());
            items.add(new YearlyApprovals.Year(year, sum(byCategory), sum(class1ByCategory), byCategory, class1ByCategory));
        }
        return new YearlyApprovals(from, to, items);
    }

    public PipelineFunnel pipeline(CountingRule.Scope scope) {
        Map<String, Object> params = CountingRule.newParams();
        String sql = "select c.phase, c.category, count(*) from candidate c join organization o on o.id = c.sponsor_id"
                + " where 1 = 1" + scope.sql(params) + " group by 1, 2";
        Map<Phase, Map<Category, Long>> counts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            counts.put(phase, zeros());
        }
        for (Object[] row : SqlRows.list(em, sql, params)) {
            counts.get(Phase.valueOf((String) row[0])).put(Category.valueOf((String) row[1]), SqlRows.count(row[2]));
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
        return new PipelineFunnel(sum(byCategory), byPhase,
                byCategory.entrySet().stream().map(e -> new PipelineFunnel.CategoryCount(e.getKey(), e.getValue())).toList(),
                byPair);
    }

    public ClusterScorecard scorecard(UUID clusterId, int year) {
        Cluster cluster = Cluster.findById(clusterId);
        if (cluster == null) {
            throw ApiProblem.notFound("cluster", clusterId);
        }
        CountingRule.Scope scope = new CountingRule.Scope(null, clusterId);
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);

        Map<String, Object> approvalParams = CountingRule.newParams();
        approvalParams.put("start", start);
        approvalParams.put("end", end);
        String approvals = "select count(*) filter (where a.approved_on >= :start),"
                + " count(*) filter (where a.approved_on >= :start and " + CountingRule.class1("a.registration_class") + "),"
                + " count(*), count(*) filter (where " + CountingRule.class1("a.registration_class") + ")"
                + CountingRule.APPROVAL_JOINS + " where a.approved_on <= :end" + scope.sql(approvalParams);
        Object[] a = SqlRows.list(em, approvals, approvalParams).get(0);

        Map<String, Object> collaborationParams = new HashMap<>();
        collaborationParams.put("clusterId", clusterId);
        collaborationParams.put("start", start);
        collaborationParams.put("end", end);
        Map<CollaborationType, Long> inYear = new EnumMap<>(CollaborationType.class);
        Map<CollaborationType, Long> toDate = new EnumMap<>(CollaborationType.class);
        for (CollaborationType type : CollaborationType.values()) {
            inYear.put(type, 0L);
            toDate.put(type, 0L);
        }
        for (Object[] row : SqlRows.list(em, "select type, count(*) filter (where signed_on >= :start), count(*)"
                + " from collaboration where cluster_id = :clusterId and signed_on <= :end group by type",
                collaborationParams)) {
            CollaborationType type = CollaborationType.valueOf((String) row[0]);
            inYear.put(type, SqlRows.count(row[1]));
            toDate.put(type, SqlRows.count(row[2]));
        }
        return new ClusterScorecard(cluster.id, cluster.code, year, pipeline(scope).byPhase(),
                new ClusterScorecard.ApprovalCounts(SqlRows.count(a[0]), SqlRows.count(a[1])),
                new ClusterScorecard.ApprovalCounts(SqlRows.count(a[2]), SqlRows.count(a[3])),
                typeCounts(inYear), typeCounts(toDate));
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
