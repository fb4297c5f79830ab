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
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Evidence;
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

    /** Names the evidence levels at {@code level} or surer as the parameter {@code levels}. */
    private static String atLevel(String alias, Evidence level, Map<String, Object> params) {
        params.put("levels", level.andSurer().stream().map(Enum::name).toList());
        return " and " + alias + ".evidence in (:levels)";
    }

    /**
     * Drugs' first approvals at the evidence level or surer per year, category and Class 1 or not (a later approval
     * of the same drug is not a new drug); authority null means every authority. An approval counts in the year it certainly falls in; one whose date range spans years, in none.
     */
    public List<YearCount> approvalsByYear(LocalDate from, LocalDate to, Scope scope, Authority authority,
            Evidence level) {
        Map<String, Object> params = new HashMap<>();
        params.put("fromDate", from);
        params.put("toDate", to);
        String filters = " and " + Scope.FIRST_APPROVAL + scope.sql(params) + atLevel("a", level, params)
                + " and " + DatePrecision.inOneYearSql("a.approved_on", "a.latest_approved_on");
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

    /**
     * Approvals at the evidence level that may fall in each year but are counted in none, their date range spanning
     * two years or more: per year they may fall in, between two years (inclusive).
     */
    public Map<Integer, Long> uncertainByYear(int fromYear, int toYear, Scope scope, Authority authority,
            Evidence level) {
        Map<String, Object> params = new HashMap<>();
        params.put("fromYear", fromYear);
        params.put("toYear", toYear);
        String filters = " and " + Scope.FIRST_APPROVAL + scope.sql(params) + atLevel("a", level, params);
        if (authority != null) {
            filters += " and a.authority = :authority";
            params.put("authority", authority.name());
        }
        String sql = "select spanned.yr, count(*)" + Scope.APPROVALS
                + " cross join lateral generate_series(cast(extract(year from a.approved_on) as integer),"
                + " cast(extract(year from a.latest_approved_on) as integer)) as spanned(yr)"
                + " where not " + DatePrecision.inOneYearSql("a.approved_on", "a.latest_approved_on")
                + " and spanned.yr between :fromYear and :toYear" + filters + " group by 1";
        Map<Integer, Long> out = new HashMap<>();
        for (Object[] row : SqlRows.list(em, sql, params)) {
            out.put(SqlRows.integer(row[0]), SqlRows.count(row[1]));
        }
        return out;
    }

    /**
     * Candidates of the scope per phase and category, at an evidence level, as the forecast sees the pipeline: an
     * APPROVED entry counts only at the level or surer (a reported approval leaves its candidate at the phase it had
     * reached), other entries at any level; UNCONFIRMED is each candidate's current phase. A candidate whose only
     * entries are approvals below the level is left out, as are pairs with no candidate.
     */
    public List<FunnelCount> candidatesByPhaseAndCategory(Scope scope, Evidence level) {
        Map<String, Object> params = new HashMap<>();
        String sql;
        if (level == Evidence.UNCONFIRMED) {
            sql = "select c.phase, c.category, count(*)" + Scope.CANDIDATES
                    + " where 1 = 1" + scope.sql(params) + " group by 1, 2";
        } else {
            params.put("levels", level.andSurer().stream().map(Enum::name).toList());
            // Only a candidate at APPROVED with an APPROVED entry below the level can stand elsewhere at that level;
            // only its history is read.
            sql = "select phase, category, count(*) from (select c.category, case when c.phase <> 'APPROVED'"
                    + " or not exists (select 1 from milestone b where b.candidate_id = c.id and b.phase = 'APPROVED'"
                    + " and b.evidence not in (:levels))"
                    + " then c.phase else (select case when h.entries = 0 then c.phase"
                    + " when h.approved and h.latest <> 'DISCONTINUED' then 'APPROVED' else h.latest end"
                    + " from (select count(*) as entries,"
                    + " coalesce(bool_or(m.approval_id is not null and m.evidence in (:levels)), false) as approved,"
                    + " (array_agg(m.phase order by m.reached_on desc nulls last, m.id desc)"
                    + " filter (where not (m.phase = 'APPROVED' and m.evidence not in (:levels))))[1] as latest"
                    + " from milestone m where m.candidate_id = c.id) h) end as phase"
                    + Scope.CANDIDATES + " where 1 = 1" + scope.sql(params) + ") stood"
                    + " where phase is not null group by 1, 2";
        }
        return SqlRows.list(em, sql, params).stream()
                .map(row -> new FunnelCount(Phase.valueOf((String) row[0]), Category.valueOf((String) row[1]),
                        SqlRows.count(row[2])))
                .toList();
    }

    /** Approvals at the evidence level or surer that certainly fall in [start, end], and by end. */
    public ApprovalTotals approvalTotals(Scope scope, LocalDate start, LocalDate end, Evidence level) {
        Map<String, Object> params = new HashMap<>();
        params.put("start", start);
        params.put("end", end);
        String class1 = RegistrationClasses.class1("a.registration_class");
        String inYear = DatePrecision.certainlyWithinSql("a.approved_on", "a.latest_approved_on", ":start", ":end");
        String sql = "select count(*) filter (where " + inYear + "),"
                + " count(*) filter (where " + inYear + " and " + class1 + "),"
                + " count(*), count(*) filter (where " + class1 + ")"
                + Scope.APPROVALS + " where a.latest_approved_on <= :end and " + Scope.FIRST_APPROVAL + scope.sql(params)
                + atLevel("a", level, params);
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
