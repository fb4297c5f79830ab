package org.cqdrug.tracker.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.audit.KnownAt;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.mapping.CountedApproval;

/** The aggregate queries behind the indicators, each one SQL statement built on the counting rule. */
@ApplicationScoped
public class IndicatorRepository {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final KnownAt knownAt;
    private final InputMemo memo;

    public IndicatorRepository(EntityManager em, ObjectMapper json, Clock clock, KnownAt knownAt, InputMemo memo) {
        this.memo = memo;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.knownAt = knownAt;
    }

    /** Candidates that share a phase, a latest-milestone date and an expected decision, and so share their chances. */
    public record PipelineGroup(Phase phase, LocalDate expectedDecisionOn, LocalDate since, long candidates,
            List<UUID> timedFromRecording) {
    }

    /**
     * Class 1 approvals of the authority and scope that may fall in [from, to] (their first and latest possible days
     * overlap it) and whose first possible day is on or before the as-of date, oldest first; the counting rule tells
     * those that certainly fall in it from the uncertain ones.
     */
    public List<CountedApproval> overlapping(Authority authority, Scope scope, LocalDate from, LocalDate to,
            LocalDate asOf) {
        return located(authority, scope, from, to, asOf).stream().map(Located::approval).toList();
    }

    /** An approval and the region of its candidate's sponsor. */
    public record Located(String regionCode, CountedApproval approval) {
    }

    /** {@link #overlapping}, each with its sponsor's region. */
    public List<Located> located(Authority authority, Scope scope, LocalDate from, LocalDate to, LocalDate asOf) {
        if (asOf.isBefore(knownAt.today(clock))) {
            // past dates are asked for one by one (a backtest, a date picker): kept, they would crowd out today's
            return readLocated(authority, scope, from, to, asOf);
        }
        return memo.approvals(new Overlap(authority, scope, from, to, asOf),
                () -> readLocated(authority, scope, from, to, asOf));
    }

    /** What {@link #located} selects by. */
    private record Overlap(Authority authority, Scope scope, LocalDate from, LocalDate to, LocalDate asOf) {
    }

    private List<Located> readLocated(Authority authority, Scope scope, LocalDate from, LocalDate to,
            LocalDate asOf) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select o.region_code, cast(json_build_object('id', a.id, 'candidateId', c.id,"
                + " 'candidateName', coalesce(c.name, c.code), 'approvedOn', a.approved_on,"
                + " 'latestApprovedOn', a.latest_approved_on, 'datePrecision', a.date_precision,"
                + " 'approvalNumber', a.approval_number, 'evidence', a.evidence) as text)"
                + Scope.APPROVALS
                + CountingRule.approvalsOverlapping(authority, scope, from, to, asOf, params)
                + " order by a.approved_on, a.id";
        List<Located> out = new ArrayList<>();
        for (Object[] row : SqlRows.list(em, knownAt.sql(sql), params)) {
            out.add(new Located((String) row[0], parse((String) row[1])));
        }
        return List.copyOf(out);
    }

    /** The regions of every organization that sponsors a candidate. */
    public List<String> sponsorRegions() {
        return SqlRows.list(em, knownAt.sql("select distinct o.region_code, 1" + Scope.CANDIDATES + " order by 1"), Map.of()).stream()
                .map(row -> (String) row[0]).toList();
    }

    /**
     * The in-scope Class 1 candidates as they stood on a date, from their phase history (history is what happened,
     * not when it was typed in): the phase of the latest milestone dated on or before it, or of an undated start if
     * the candidate was recorded by then; APPROVED once a confirmed approval dated by then wrote its milestone, unless
     * the latest entry is DISCONTINUED. An approval that is only reported or unconfirmed leaves the candidate in the
     * pipeline the confirmed count is forecast from, at the phase it had reached. A candidate's "since" is its latest milestone dated by then, or the day it was
     * recorded (in the service's calendar) when none is dated.
     */
    private static final String AS_OF = """
            with stood as (
                select c.id, c.expected_decision_on,
                       -- a row loaded without any history stands in its phase from the day it was recorded
                       coalesce(history.latest, case when recorded.day <= :asOf and history.entries = 0
                                                     then c.phase end) as latest,
                       coalesce(history.approved, false) as approved, history.dated, recorded.day as recorded
                """ + Scope.CANDIDATES + """
                cross join lateral (select cast(c.created_at at time zone :zone as date) as day) recorded
                -- one pass over each candidate's milestones (four correlated subqueries took five times as long)
                cross join lateral (
                    select (array_agg(m.phase order by m.reached_on desc nulls last, m.id desc)
                              filter (where (m.reached_on <= :asOf or (m.reached_on is null and recorded.day <= :asOf))
                                        and not (m.phase = 'APPROVED' and m.evidence <> 'CONFIRMED')))[1] as latest,
                           bool_or(m.approval_id is not null and m.evidence = 'CONFIRMED'
                                   and m.reached_on <= :asOf) as approved,
                           max(m.reached_on) filter (where m.reached_on <= :asOf) as dated,
                           count(*) as entries
                    from milestone m where m.candidate_id = c.id) history
                where %s %s
            ), pipeline as (
                select id, expected_decision_on, dated, recorded,
                       case when approved and latest <> 'DISCONTINUED' then 'APPROVED' else latest end as phase
                from stood
            )
            """;

    private String asOf(Scope scope, LocalDate asOf, Map<String, Object> params) {
        params.put("zone", clock.getZone().getId());
        params.put("asOf", asOf);
        params.put("inDevelopment", Phase.inDevelopmentNames());
        return AS_OF.formatted(RegistrationClasses.class1("c.registration_class"), scope.sql(params));
    }

    /**
     * The pipeline as it stood on the date, grouped by phase, expected decision and "since", each group with its
     * candidates that have no milestone dated by then (their time in the phase is counted from the day they were
     * recorded). As of today or later, from the standing tables that every write keeps (V20__standing_pipeline.sql),
     * which cost a few rows per group, and kept between reports while the scope's cells do not change
     * ({@link InputMemo}); before today, as known at an instant, or when a milestone or candidate is dated after the
     * date (another instance's clock may be past midnight already), recounted from every candidate's milestones.
     * Both give the same candidates with the same chances (the kept cells' groups merged where they share a key).
     */
    public List<PipelineGroup> pipeline(Scope scope, LocalDate asOf) {
        if (knownAt.live() && !asOf.isBefore(knownAt.today(clock))) {
            Standing standing = memo.standing(scope, () -> {
                List<PipelineGroup> groups = standing(scope);
                // read after the groups, so that it covers every milestone they hold
                return new Standing(latestRecorded(), groups);
            });
            if (standing.latest() == null || !standing.latest().isAfter(asOf)) {
                return standing.groups();
            }
        }
        return recounted(scope, asOf);
    }

    /** A scope's standing pipeline and the latest day any milestone was reached or any candidate recorded then. */
    private record Standing(LocalDate latest, List<PipelineGroup> groups) {
    }

    /** The latest day a milestone was reached or a candidate recorded, in the service's calendar; null for none. */
    private LocalDate latestRecorded() {
        Object[] latest = (Object[]) em.createNativeQuery("select (select max(reached_on) from milestone),"
                + " (select cast(max(created_at) at time zone :zone as date) from candidate)")
                .setParameter("zone", clock.getZone().getId()).getSingleResult();
        return Arrays.stream(latest).map(SqlRows::date).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The pipeline as it stands, from the standing tables: groups of dated candidates, then the undated ones. Inside
     * {@link InputMemo#reading}, each of the scope's cells is read again only when it changed, and the cells' groups
     * are merged.
     */
    public List<PipelineGroup> standing(Scope scope) {
        Map<InputMemo.Cell, List<PipelineGroup>> cells = memo.standingCells(scope, this::standingOf);
        if (cells == null) {
            Map<String, Object> params = new HashMap<>();
            return groups(standingSql(scope.sql(params, "s.region_code", "s.cluster_id"), false, params), params);
        }
        return merged(cells.values());
    }

    /** The standing groups of each cell, in one statement over the cells' rows (pipeline_group's key leads with the cell). */
    private Map<InputMemo.Cell, List<PipelineGroup>> standingOf(List<InputMemo.Cell> cells) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" and (");
        for (int i = 0; i < cells.size(); i++) {
            InputMemo.Cell cell = cells.get(i);
            where.append(i == 0 ? "" : " or ").append("(");
            if (cell.regionCode() == null) {
                where.append("s.region_code is null");
            } else {
                where.append("s.region_code = :region").append(i);
                params.put("region" + i, cell.regionCode());
            }
            if (cell.clusterId() == null) {
                where.append(" and s.cluster_id is null)");
            } else {
                where.append(" and s.cluster_id = :cluster").append(i).append(")");
                params.put("cluster" + i, cell.clusterId());
            }
        }
        where.append(")");
        Map<InputMemo.Cell, List<PipelineGroup>> out = new HashMap<>();
        cells.forEach(cell -> out.put(cell, new ArrayList<>()));
        for (Object[] row : SqlRows.list(em, standingSql(where.toString(), true, params), params)) {
            out.get(new InputMemo.Cell((String) row[5], (UUID) row[6])).add(group(row));
        }
        out.replaceAll((cell, groups) -> List.copyOf(groups));
        return out;
    }

    /** The standing groups under the scope's conditions, each with its cell when asked (columns 6 and 7). */
    private String standingSql(String scopeConditions, boolean byCell, Map<String, Object> params) {
        params.put("zone", clock.getZone().getId());
        params.put("inDevelopment", Phase.inDevelopmentNames());
        String cell = byCell ? ", s.region_code, s.cluster_id" : "";
        String where = " where s.phase in (:inDevelopment) and " + RegistrationClasses.class1("s.registration_class")
                + scopeConditions;
        return "select s.phase, s.expected_decision_on, s.since, sum(s.candidates), null" + cell
                + " from pipeline_group s" + where + " group by 1, 2, 3" + cell + " union all"
                + " select s.phase, s.expected_decision_on, cast(c.created_at at time zone :zone as date), count(*),"
                + " string_agg(cast(c.id as text), ',' order by c.id)" + cell
                + " from candidate_standing s join candidate c on c.id = s.candidate_id" + where
                + " and s.dated is null group by 1, 2, 3" + cell;
    }

    /** Groups with the same phase, expected decision and "since", merged across cells, in a fixed order. */
    private static List<PipelineGroup> merged(Collection<List<PipelineGroup>> cells) {
        Map<List<Object>, PipelineGroup> merged = new TreeMap<>(Comparator
                .comparing((List<Object> key) -> (Phase) key.get(0))
                .thenComparing(key -> (LocalDate) key.get(1), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(key -> (LocalDate) key.get(2)));
        for (List<PipelineGroup> groups : cells) {
            for (PipelineGroup group : groups) {
                merged.merge(Arrays.asList(group.phase(), group.expectedDecisionOn(), group.since()), group,
                        (a, b) -> new PipelineGroup(a.phase(), a.expectedDecisionOn(), a.since(),
                                a.candidates() + b.candidates(), Stream.concat(
                                        a.timedFromRecording().stream(), b.timedFromRecording().stream())
                                        .sorted(Comparator.comparing(UUID::toString)).toList()));
            }
        }
        return List.copyOf(merged.values());
    }

    /** The pipeline as it stood on the date, recounted from every in-scope candidate's milestones in one statement. */
    public List<PipelineGroup> recounted(Scope scope, LocalDate asOf) {
        Map<String, Object> params = new HashMap<>();
        String sql = asOf(scope, asOf, params) + "select phase, expected_decision_on, coalesce(dated, recorded), count(*),"
                + " string_agg(case when dated is null then cast(id as text) end, ',' order by id)"
                + " from pipeline where phase in (:inDevelopment) group by 1, 2, 3";
        return groups(knownAt.sql(sql), params);
    }

    private List<PipelineGroup> groups(String sql, Map<String, Object> params) {
        return SqlRows.list(em, sql, params).stream().map(IndicatorRepository::group).toList();
    }

    private static PipelineGroup group(Object[] row) {
        return new PipelineGroup(Phase.valueOf((String) row[0]), SqlRows.date(row[1]), SqlRows.date(row[2]),
                SqlRows.count(row[3]), ids((String) row[4]));
    }

    private static List<UUID> ids(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
    }

    private CountedApproval parse(String approval) {
        try {
            return json.readValue(approval, CountedApproval.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable approval aggregate from the database", e);
        }
    }
}
