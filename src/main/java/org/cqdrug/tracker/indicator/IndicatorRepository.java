package org.cqdrug.tracker.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.mapping.CountedApproval;

/** The aggregate queries behind the indicators, each one SQL statement built on the counting rule. */
@ApplicationScoped
public class IndicatorRepository {

    private static final TypeReference<List<CountedApproval>> COUNTED = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public IndicatorRepository(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Candidates that share a phase, a latest-milestone date and an expected decision, and so share their chances. */
    public record PipelineGroup(Phase phase, LocalDate expectedDecisionOn, LocalDate since, long candidates) {
    }

    /** Approvals that count for the authority and scope between two dates (inclusive), by year, oldest first. */
    public Map<Integer, List<CountedApproval>> countedByYear(Authority authority, Scope scope,
            LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select cast(extract(year from a.approved_on) as integer) as yr,"
                + " cast(json_agg(json_build_object('id', a.id, 'candidateId', c.id,"
                + " 'candidateName', coalesce(c.name, c.code), 'approvedOn', a.approved_on,"
                + " 'approvalNumber', a.approval_number, 'evidence', a.evidence) order by a.approved_on, a.id) as text)"
                + Scope.APPROVALS
                + CountingRule.approvalsCounting(authority, scope, from, to, params)
                + " group by 1";
        Map<Integer, List<CountedApproval>> out = new HashMap<>();
        for (Object[] row : SqlRows.list(em, sql, params)) {
            out.put(SqlRows.integer(row[0]), parse((String) row[1]));
        }
        return out;
    }

    /**
     * The in-scope Class 1 candidates in development, grouped. A candidate's "since" is its latest milestone's date,
     * or the day it was recorded (in the service's calendar, not the database session's) when it has no history.
     */
    public List<PipelineGroup> pipeline(Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("zone", clock.getZone().getId());
        params.put("inDevelopment", Phase.inDevelopmentNames());
        String sql = "select c.phase, c.expected_decision_on,"
                + " coalesce((select max(m.reached_on) from milestone m where m.candidate_id = c.id),"
                + " cast(c.created_at at time zone :zone as date)) as since, count(*)"
                + Scope.CANDIDATES
                + " where c.phase in (:inDevelopment) and " + RegistrationClasses.class1("c.registration_class")
                + scope.sql(params)
                + " group by 1, 2, 3";
        return SqlRows.list(em, sql, params).stream()
                .map(row -> new PipelineGroup(Phase.valueOf((String) row[0]), SqlRows.date(row[1]),
                        SqlRows.date(row[2]), SqlRows.count(row[3])))
                .toList();
    }

    /**
     * The in-scope Class 1 candidates in development with no dated milestone, whose time in their phase is counted
     * from the day they were recorded.
     */
    public List<UUID> timedFromRecording(Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("inDevelopment", Phase.inDevelopmentNames());
        String sql = "select c.id" + Scope.CANDIDATES
                + " where c.phase in (:inDevelopment) and " + RegistrationClasses.class1("c.registration_class")
                + " and not exists (select 1 from milestone m where m.candidate_id = c.id and m.reached_on is not null)"
                + scope.sql(params) + " order by c.id";
        jakarta.persistence.Query query = em.createNativeQuery(sql, UUID.class);
        params.forEach(query::setParameter);
        return ((List<?>) query.getResultList()).stream().map(UUID.class::cast).toList();
    }

    private List<CountedApproval> parse(String approvals) {
        try {
            return json.readValue(approvals, COUNTED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable approval aggregate from the database", e);
        }
    }
}
