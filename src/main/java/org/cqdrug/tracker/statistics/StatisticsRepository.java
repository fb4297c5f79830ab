package org.cqdrug.tracker.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.collaboration.CollaborationType;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.cqdrug.tracker.common.vocabulary.Scope;

/** The aggregate queries behind the dashboard counts, each one SQL statement. */
@ApplicationScoped
public class StatisticsRepository {

    private final EntityManager em;

    public StatisticsRepository(EntityManager em) {
        this.em = em;
    }

    public record YearCount(int year, Category category, boolean class1, long count) {
    }

    public record FunnelCount(Phase phase, Category category, long count) {
    }

    /** Approvals and Class 1 approvals of the scope, all and up to the end of a year, and in that year. */
    public record ApprovalTotals(long inYear, long class1InYear, long toDate, long class1ToDate) {
    }

    public record CollaborationCount(CollaborationType type, long inYear, long toDate) {
    }

    /** Approvals per year, category and Class 1 or not; authority null means every authority. */
    public List<YearCount> approvalsByYear(LocalDate from, LocalDate to, Scope scope, Authority authority) {
        Map<String, Object> params = new HashMap<>();
        params.put("fromDate", from);
        params.put("toDate", to);
        String filters = scope.sql(params);
        if (authority != null) {
            filters += " and a.authority = :authority";
            params.put("authority", authority.name());
        }
        String sql = "select cast(extract(year from a.approved_on) as integer), a.category, "
                + RegistrationClasses.class1("a.registration_class") + ", count(*)"
                + Scope.APPROVALS
                + " where a.approved_on between :fromDate and :toDate" + filters
                + " group by 1, 2, 3";
        return SqlRows.list(em, sql, params).stream()
                .map(row -> new YearCount(SqlRows.integer(row[0]), Category.valueOf((String) row[1]),
                        Boolean.TRUE.equals(row[2]), SqlRows.count(row[3])))
                .toList();
    }

    /** Candidates of the scope per current phase and category; pairs with none are left out. */
    public List<FunnelCount> candidatesByPhaseAndCategory(Scope scope) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select c.phase, c.category, count(*)" + Scope.CANDIDATES
                + " where 1 = 1" + scope.sql(params) + " group by 1, 2";
        return SqlRows.list(em, sql, params).stream()
                .map(row -> new FunnelCount(Phase.valueOf((String) row[0]), Category.valueOf((String) row[1]),
                        SqlRows.count(row[2])))
                .toList();
    }

    public ApprovalTotals approvalTotals(Scope scope, LocalDate start, LocalDate end) {
        Map<String, Object> params = new HashMap<>();
        params.put("start", start);
        params.put("end", end);
        String class1 = RegistrationClasses.class1("a.registration_class");
        String sql = "select count(*) filter (where a.approved_on >= :start),"
                + " count(*) filter (where a.approved_on >= :start and " + class1 + "),"
                + " count(*), count(*) filter (where " + class1 + ")"
                + Scope.APPROVALS + " where a.approved_on <= :end" + scope.sql(params);
        Object[] row = SqlRows.list(em, sql, params).get(0);
        return new ApprovalTotals(SqlRows.count(row[0]), SqlRows.count(row[1]), SqlRows.count(row[2]),
                SqlRows.count(row[3]));
    }

    /** Collaborations credited to a cluster, per type, signed in [start, end] and up to end; types with none are left out. */
    public List<CollaborationCount> collaborationsByType(UUID clusterId, LocalDate start, LocalDate end) {
        String sql = "select type, count(*) filter (where signed_on >= :start), count(*)"
                + " from collaboration where cluster_id = :clusterId and signed_on <= :end group by type";
        return SqlRows.list(em, sql, Map.of("clusterId", clusterId, "start", start, "end", end)).stream()
                .map(row -> new CollaborationCount(CollaborationType.valueOf((String) row[0]), SqlRows.count(row[1]),
                        SqlRows.count(row[2])))
                .toList();
    }
}
