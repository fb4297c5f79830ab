package org.cqdrug.tracker.indicator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.service.IndicatorService;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The standing pipeline that every write keeps (V20__standing_pipeline.sql) against a full recount from every
 * candidate's milestones, after each step of a random sequence of writes: candidates created, moved, reclassified and
 * deleted, milestones added back-dated, redated, moved and deleted, approvals at each evidence level, a sponsor's
 * region changed, a published count recorded, revised or withdrawn; and the pipeline, the counted approvals and a whole
 * report kept between reports ({@link InputMemo}) against the same made afresh. The seed is printed, so a failure can be replayed.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class StandingPipelineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28); // the tests' clock
    /** After every candidate recorded and milestone reached, whatever clock stamped them. */
    private static final LocalDate LATER = LocalDate.of(2099, 1, 1);
    private static final String[] PHASES = {"PRECLINICAL", "IND_APPROVED", "PHASE_1", "PHASE_2", "PHASE_3",
        "NDA_SUBMITTED", "APPROVED", "DISCONTINUED"};
    private static final String[] IN_DEVELOPMENT = {"IND_APPROVED", "PHASE_1", "PHASE_2", "PHASE_3", "NDA_SUBMITTED"};
    private static final String[] CLASSES = {"1", "1.1", "2.2", "1"};
    private static final String[] EVIDENCE = {"CONFIRMED", "REPORTED", "UNCONFIRMED", "CONFIRMED"};

    @Inject
    IndicatorRepository repository;

    @Inject
    InputMemo memo;

    @Inject
    IndicatorService indicators;

    @Inject
    ObjectMapper json;

    /** Three fixed sequences, so that a failure replays exactly, and one new each run, printed. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 0})
    void theStandingPipelineEqualsAFullRecountAfterRandomWrites(long fixed) throws Exception {
        long seed = fixed != 0 ? fixed : System.nanoTime();
        System.out.println("StandingPipelineTest seed " + seed);
        Random random = new Random(seed);
        String clusterA = TestData.newCluster();
        String clusterB = TestData.newCluster();
        List<String> sponsors = List.of(TestData.newOrganization("CN-HB", clusterA),
                TestData.newOrganization("CN-GD", clusterB), TestData.newOrganization("CN-HB", null));
        List<Scope> scopes = List.of(new Scope(null, UUID.fromString(clusterA)),
                new Scope("CN-HB", UUID.fromString(clusterA)), new Scope(null, UUID.fromString(clusterB)),
                new Scope("CN-GD", UUID.fromString(clusterB)));
        String[] clusters = {clusterA, clusterB, null};
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            candidates.add(create(random, sponsors, clusters));
        }
        String target = TestData.create("/api/v1/targets", TestData.target(TestData.unique("SPT"), null, clusterA,
                2020, 2027));
        int changed = 0;
        for (int step = 0; step < 80; step++) {
            String candidate = candidates.get(random.nextInt(candidates.size()));
            String action;
            switch (random.nextInt(15)) {
                case 0 -> {
                    candidates.add(create(random, sponsors, clusters));
                    action = "create a candidate";
                }
                case 1, 2 -> {
                    // a milestone back-dated before, between or after the ones recorded, sometimes undated
                    String on = random.nextInt(5) == 0 ? null : date(random).toString();
                    TestData.execute("insert into milestone (id, candidate_id, phase, reached_on, date_precision,"
                            + " latest_reached_on, evidence, created_at, updated_at, version) values (?::uuid, ?::uuid,"
                            + " ?, ?::date, ?, ?::date, ?, timestamptz '2026-11-28 04:00Z', now(), 0)",
                            UUID.randomUUID().toString(), candidate, pick(random, PHASES), on,
                            on == null ? null : "DAY", on, pick(random, EVIDENCE));
                    action = "add a milestone";
                }
                case 3 -> {
                    TestData.execute("delete from milestone where id = (select id from milestone where candidate_id"
                            + " = ?::uuid order by random() limit 1)", candidate);
                    action = "delete a milestone";
                }
                case 4 -> {
                    String on = date(random).toString();
                    TestData.execute("update milestone set reached_on = ?::date, latest_reached_on = ?::date where id ="
                            + " (select id from milestone where candidate_id = ?::uuid and reached_on is not null"
                            + " order by random() limit 1)", on, on, candidate);
                    action = "redate a milestone";
                }
                case 5 -> {
                    String other = candidates.get(random.nextInt(candidates.size()));
                    TestData.execute("update milestone set candidate_id = ?::uuid where id = (select id from milestone"
                            + " where candidate_id = ?::uuid and approval_id is null order by random() limit 1)",
                            other, candidate);
                    action = "move a milestone to another candidate";
                }
                case 6 -> {
                    TestData.execute("update candidate set cluster_id = ?::uuid, registration_class = ?,"
                            + " expected_decision_on = ?::date where id = ?::uuid", pick(random, clusters),
                            pick(random, CLASSES), random.nextBoolean() ? "2027-03-01" : null, candidate);
                    action = "move and reclassify a candidate";
                }
                case 7 -> {
                    var approval = TestData.approval(candidate, "NMPA", date(random).toString(), TestData.unique("N"));
                    approval.put("evidence", pick(random, EVIDENCE));
                    given().contentType(ContentType.JSON).body(approval).post("/api/v1/approvals");
                    action = "record an approval";
                }
                case 10 -> {
                    TestData.execute("update candidate set sponsor_id = ?::uuid where id = ?::uuid",
                            sponsors.get(random.nextInt(sponsors.size())), candidate);
                    action = "move a candidate to another sponsor";
                }
                case 11 -> {
                    // a candidate without history stands in its own phase
                    TestData.execute("update candidate set phase = ? where id = ?::uuid", pick(random, PHASES),
                            candidate);
                    action = "change a candidate's own phase";
                }
                case 12 -> {
                    // what a counted approval shows of its candidate
                    TestData.execute("update candidate set name = ? where id = ?::uuid", TestData.unique("renamed"),
                            candidate);
                    action = "rename a candidate";
                }
                case 13 -> {
                    String on = date(random).toString();
                    TestData.execute("update approval set approved_on = ?::date, latest_approved_on = ?::date where id"
                            + " = (select id from approval where candidate_id = ?::uuid order by random() limit 1)",
                            on, on, candidate);
                    action = "redate an approval";
                }
                case 14 -> {
                    // a count the cluster published (its own, so no other test's), recorded, revised or withdrawn
                    switch (random.nextInt(3)) {
                        case 0 -> TestData.execute("insert into published_count (id, cluster_id, metric, period_from,"
                                + " period_to, value, source_url, evidence, created_at, updated_at, version) values"
                                + " (gen_random_uuid(), ?::uuid, 'CLASS1_APPROVALS', ?::date, date '2025-12-31', ?, ?,"
                                + " ?, now(), now(), 0)", clusterA, (2020 + random.nextInt(6)) + "-01-01",
                                random.nextInt(9), "https://example.org/" + TestData.unique("count"),
                                pick(random, EVIDENCE));
                        // picked by the sequence's own random, so that its seed replays it
                        case 1 -> TestData.execute("update published_count set value = value + 1 where id = (select id"
                                + " from published_count where cluster_id = ?::uuid order by md5(id::text || ?) limit 1)",
                                clusterA, Integer.toString(random.nextInt()));
                        default -> TestData.execute("delete from published_count where id = (select id from"
                                + " published_count where cluster_id = ?::uuid order by md5(id::text || ?) limit 1)",
                                clusterA, Integer.toString(random.nextInt()));
                    }
                    action = "record, revise or withdraw a published count";
                }
                case 8 -> {
                    TestData.execute("update organization set region_code = ? where id = ?::uuid",
                            random.nextBoolean() ? "CN-HB" : "CN-GD", sponsors.get(random.nextInt(sponsors.size())));
                    action = "move a sponsor to another region";
                }
                default -> {
                    TestData.execute("delete from approval where candidate_id = ?::uuid", candidate);
                    TestData.execute("delete from candidate where id = ?::uuid", candidate);
                    candidates.remove(candidate);
                    if (candidates.isEmpty()) {
                        candidates.add(create(random, sponsors, clusters));
                    }
                    action = "delete a candidate";
                }
            }
            for (Scope scope : scopes) {
                String where = "seed " + seed + ", step " + step + " (" + action + "), " + scope;
                Map<String, String> recounted = merged(QuarkusTransaction.requiringNew()
                        .call(() -> repository.recounted(scope, TODAY)));
                Map<String, String> standing = merged(QuarkusTransaction.requiringNew()
                        .call(() -> repository.standing(scope)));
                assertEquals(recounted, standing, where);
                // kept between steps under the versions the writes move on (V22__input_versions.sql); as of a later
                // date, since rows other tests write stamp the database's own clock, past the tests' today
                assertEquals(merged(QuarkusTransaction.requiringNew().call(() -> repository.recounted(scope, LATER))),
                        merged(memo.reading(() -> repository.pipeline(scope, LATER))), "kept, " + where);
                assertEquals(QuarkusTransaction.requiringNew().call(() -> approvals(scope)),
                        memo.reading(() -> approvals(scope)), "kept approvals, " + where);
                changed += recounted.size();
            }
            // the whole report, published counts included, kept against one computed in a transaction (which keeps
            // nothing)
            String where = "seed " + seed + ", step " + step + " (" + action + ")";
            assertEquals(json.writeValueAsString(QuarkusTransaction.requiringNew()
                    .call(() -> indicators.report(target, null, TODAY))), keptReport(target), "kept report, " + where);
        }
        assertFalse(changed == 0, "the sequence put candidates in the pipeline");
        assertEquals(merged(QuarkusTransaction.requiringNew().call(() -> repository.recounted(new Scope(null, null),
                TODAY))), merged(QuarkusTransaction.requiringNew().call(() -> repository.standing(new Scope(null, null)))),
                "the whole record, seed " + seed);
    }

    /**
     * The report as a request makes it, outside a transaction: in a request context of its own, as each request has,
     * since this test's own lasts all its steps and its session would serve entities as an earlier step read them.
     */
    private String keptReport(String target) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            ManagedContext request = Arc.container().requestContext();
            request.activate();
            try {
                return json.writeValueAsString(indicators.report(target, null, TODAY));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } finally {
                request.terminate();
            }
        }).get(60, TimeUnit.SECONDS);
    }

    /** The approvals the counting rule selects in the scope for the period the sequence dates them in. */
    private List<IndicatorRepository.Located> approvals(Scope scope) {
        return repository.located(org.cqdrug.tracker.common.vocabulary.Authority.NMPA, scope,
                LocalDate.of(2015, 1, 1), TODAY, TODAY);
    }

    private static String create(Random random, List<String> sponsors, String[] clusters) {
        var body = TestData.candidate(TestData.unique("SP"), sponsors.get(random.nextInt(sponsors.size())),
                pick(random, clusters), pick(random, CLASSES), pick(random, IN_DEVELOPMENT));
        body.put("phaseReachedOn", random.nextInt(4) == 0 ? null : date(random).toString());
        return TestData.create("/api/v1/candidates", body);
    }

    /** A day from 2015 up to the tests' today: milestones are never dated in the future. */
    private static LocalDate date(Random random) {
        return LocalDate.of(2015, 1, 1).plusDays(random.nextInt((int) (TODAY.toEpochDay()
                - LocalDate.of(2015, 1, 1).toEpochDay()) + 1));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The groups by their key (phase, decision, since), each with its count and undated candidates. */
    private static Map<String, String> merged(List<IndicatorRepository.PipelineGroup> groups) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, List<String>> undated = new TreeMap<>();
        for (IndicatorRepository.PipelineGroup group : groups) {
            String key = group.phase() + " " + group.expectedDecisionOn() + " " + group.since();
            counts.merge(key, group.candidates(), Long::sum);
            undated.computeIfAbsent(key, k -> new ArrayList<>())
                    .addAll(group.timedFromRecording().stream().map(UUID::toString).toList());
        }
        Map<String, String> out = new TreeMap<>();
        counts.forEach((key, count) -> out.put(key, count + " " + undated.get(key).stream().sorted().toList()));
        return out;
    }

    /**
     * The standing tables answer only where every milestone has been reached: with one dated after the as-of date,
     * the pipeline is recounted; and for a past date it always is.
     */
    @Test
    void thePipelineIsRecountedWhereTheStandingTablesDoNotAnswer() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String candidate = TestData.create("/api/v1/candidates", TestData.candidate(TestData.unique("SP"), sponsor,
                cluster, "1", "PHASE_1"));
        Scope scope = new Scope(null, UUID.fromString(cluster));
        String later = UUID.randomUUID().toString();
        TestData.execute("insert into milestone (id, candidate_id, phase, reached_on, date_precision, latest_reached_on,"
                + " evidence, created_at, updated_at, version) values (?::uuid, ?::uuid, 'PHASE_2', date '2026-11-29',"
                + " 'DAY', date '2026-11-29', 'CONFIRMED', now(), now(), 0)", later, candidate);
        try {
            assertEquals(merged(QuarkusTransaction.requiringNew().call(() -> repository.recounted(scope, TODAY))),
                    merged(QuarkusTransaction.requiringNew().call(() -> repository.pipeline(scope, TODAY))));
            org.junit.jupiter.api.Assertions.assertNotEquals(
                    merged(QuarkusTransaction.requiringNew().call(() -> repository.recounted(scope, TODAY))),
                    merged(QuarkusTransaction.requiringNew().call(() -> repository.standing(scope))),
                    "the standing tables already hold the milestone dated tomorrow");
        } finally {
            TestData.execute("delete from milestone where id = ?::uuid", later);
        }
        LocalDate past = LocalDate.of(2019, 12, 31);
        assertEquals(merged(QuarkusTransaction.requiringNew().call(() -> repository.recounted(scope, past))),
                merged(QuarkusTransaction.requiringNew().call(() -> repository.pipeline(scope, past))));
        assertEquals(Map.of(), merged(QuarkusTransaction.requiringNew().call(() -> repository.pipeline(scope, past))),
                "recorded after that date, the candidate was not in the pipeline then");
    }

    /**
     * A version moves once per transaction, however many rows it writes (V24__input_moved_once.sql): once per row, a
     * bulk write rewrote one row as often, each time slower than the last. And it moves again in the next one.
     */
    @Test
    void aBulkWriteMovesEachVersionOnce() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String bulk = "insert into candidate (id, code, name, sponsor_id, cluster_id, category, registration_class,"
                + " modality, phase, created_at, updated_at, version) select gen_random_uuid(), ? || g, 'bulkimab',"
                + " ?::uuid, ?::uuid, 'CHEMICAL', '1', 'OTHER', 'PHASE_1', timestamptz '2026-11-28 04:00Z', now(), 0"
                + " from generate_series(1, ?) g";
        String cell = "select version from input_version where input = 'standing' and region_code = 'CN-HB'"
                + " and cluster_id = ?::uuid";
        try {
            TestData.execute(bulk, TestData.unique("B1-"), sponsor, cluster, 2_000);
            assertEquals(1, TestData.count(cell, cluster), "2,000 candidates in one statement move their cell once");
            TestData.execute(bulk, TestData.unique("B2-"), sponsor, cluster, 10);
            assertEquals(2, TestData.count(cell, cluster), "and the next transaction moves it again");
            long approvals = TestData.count("select version from input_version where input = 'approvals'");
            TestData.execute("update candidate set name = 'renamed bulkimab' where cluster_id = ?::uuid", cluster);
            assertEquals(approvals + 1, TestData.count("select version from input_version where input = 'approvals'"),
                    "2,010 renames in one statement move the approvals' version once");
        } finally {
            // so many in one phase would crowd the region's pipeline in other tests
            TestData.execute("delete from candidate where cluster_id = ?::uuid", cluster);
        }
    }

    /** Row triggers do not see TRUNCATE; statement triggers rebuild the standing tables (inside a rolled-back transaction). */
    @Test
    void aTruncatedHistoryLeavesNoStandingGroup() throws Exception {
        try (java.sql.Connection connection = io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get()
                .getConnection()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("truncate milestone");
                try (java.sql.ResultSet rows = statement.executeQuery("select (select count(*) from pipeline_group),"
                        + " (select count(*) from candidate_standing where dated is not null),"
                        + " (select count(*) from candidate) - (select count(*) from candidate_standing)")) {
                    rows.next();
                    assertEquals(List.of(0L, 0L, 0L), List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3)));
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
