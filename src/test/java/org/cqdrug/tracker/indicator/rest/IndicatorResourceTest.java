package org.cqdrug.tracker.indicator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Counting rule, status rules and forecast, each against numbers worked out by hand. */
@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class IndicatorResourceTest {

    private static final String INDICATORS = "/api/v1/indicators";

    /** A target scoped to its own cluster in CN-HB, so no other test's rows can count toward it. */
    private static String target(String cluster, int from, int to, int min, Integer max) {
        Map<String, Object> body = TestData.target(TestData.unique("t"), "CN-HB", cluster, from, to);
        body.put("annualMin", min);
        body.put("annualMax", max);
        return TestData.create("/api/v1/targets", body);
    }

    private static String candidate(String sponsor, String cluster, String registrationClass, String phase,
            String expectedDecisionOn) {
        Map<String, Object> body = TestData.candidate(TestData.unique("C"), sponsor, cluster, registrationClass, phase);
        body.put("expectedDecisionOn", expectedDecisionOn);
        return TestData.create("/api/v1/candidates", body);
    }

    private static String approve(String candidate, String authority, String on) {
        return TestData.create("/api/v1/approvals", TestData.approval(candidate, authority, on, TestData.unique("N")));
    }

    private static String approved(String sponsor, String cluster, String registrationClass, String authority, String on) {
        return approve(candidate(sponsor, cluster, registrationClass, "NDA_SUBMITTED", null), authority, on);
    }

    private static JsonPath report(String target, String asOf) {
        return given().queryParam("targetId", target).queryParam("asOf", asOf).queryParam("include", "approvals")
                .when().get(INDICATORS)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void onlyClassOneApprovalsOfTheTargetsAuthorityScopeAndDatesCount() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String elsewhere = TestData.newOrganization("CN-SC", cluster);
        String target = target(cluster, 2025, 2026, 1, 2);

        String newYearsEve = approved(local, cluster, "1", "NMPA", "2025-12-31");
        String newYearsDay = approved(local, cluster, "1.1", "NMPA", "2026-01-01");
        approved(local, cluster, "2.2", "NMPA", "2025-06-01");
        approved(local, cluster, "3", "NMPA", "2025-06-02");
        approved(local, cluster, "1", "FDA", "2025-03-03");
        approved(elsewhere, cluster, "1", "NMPA", "2025-04-04");
        approved(local, null, "1", "NMPA", "2025-05-05");
        approved(local, cluster, "1", "NMPA", "2026-05-01");

        JsonPath r = report(target, "2026-03-31");
        assertEquals("2026-03-31", r.getString("asOf"));
        assertEquals(2, r.getList("items").size());
        assertEquals(2025, r.getInt("items[0].year"));
        assertEquals(1, r.getInt("items[0].actual"));
        assertEquals("MET", r.getString("items[0].status"));
        assertEquals(newYearsEve, r.getString("items[0].approvals[0].id"));
        assertEquals("2025-12-31", r.getString("items[0].approvals[0].approvedOn"));
        assertEquals(1, r.getInt("items[1].actual"));
        assertEquals(newYearsDay, r.getString("items[1].approvals[0].id"));
        assertEquals("MET", r.getString("items[1].status"));
        assertEquals(0, r.getInt("items[1].shortfall"));
    }

    @Test
    void theAsOfDateCutsTheYear() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2025, 2026, 1, 3);
        approved(local, cluster, "1", "NMPA", "2025-12-31");

        JsonPath before = report(target, "2025-12-30");
        assertEquals(0, before.getInt("items[0].actual"));
        assertEquals("IN_PROGRESS", before.getString("items[0].status"));
        assertEquals(1, before.getInt("items[0].shortfall"));
        assertEquals("NOT_STARTED", before.getString("items[1].status"));

        JsonPath on = report(target, "2025-12-31");
        assertEquals(1, on.getInt("items[0].actual"));
        assertEquals("MET", on.getString("items[0].status"));

        JsonPath next = report(target, "2026-01-01");
        assertEquals("MET", next.getString("items[0].status"));
        assertEquals("IN_PROGRESS", next.getString("items[1].status"));
        assertEquals(1, next.getInt("items[1].shortfall"));
    }

    /**
     * Left without include=approvals, the answer holds counts, statuses and forecasts: more approvals change its
     * numbers, not its length; with it, each item and total lists them.
     */
    @Test
    void theDefaultAnswerDoesNotGrowWithTheApprovals() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2024, 2025, 1, null);
        approved(local, cluster, "1", "NMPA", "2024-01-10");
        String one = given().queryParam("targetId", target).queryParam("asOf", "2025-06-01").get(INDICATORS)
                .then().statusCode(200).extract().asString();
        for (String on : new String[] {"2024-02-10", "2024-03-10", "2024-04-10", "2024-05-10"}) {
            approved(local, cluster, "1", "NMPA", on);
        }
        String fiveText = given().queryParam("targetId", target).queryParam("asOf", "2025-06-01").get(INDICATORS)
                .then().statusCode(200).extract().asString();
        JsonPath five = JsonPath.from(fiveText);
        assertEquals(5, five.getInt("items[0].actual"));
        assertEquals(one.length(), fiveText.length()); // counts of one digit each, and no list
        assertEquals(null, five.get("items[0].approvals"));
        assertEquals(null, five.get("items[0].uncertain"));
        assertEquals(5, report(target, "2025-06-01").getList("items[0].approvals").size());
    }

    @Test
    void pastYearsAreMissedBelowAndExceededAboveTheBounds() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2023, 2024, 1, 2);
        for (String on : new String[] {"2024-01-10", "2024-02-10", "2024-03-10"}) {
            approved(local, cluster, "1", "NMPA", on);
        }
        JsonPath r = report(target, "2025-06-01");
        assertEquals("MISSED", r.getString("items[0].status"));
        assertEquals(1, r.getInt("items[0].shortfall"));
        assertEquals("EXCEEDED", r.getString("items[1].status"));
        assertEquals(3, r.getInt("items[1].actual"));
        assertEquals(null, r.get("items[0].forecast"));
    }

    @Test
    void anUpdatedOrDeletedApprovalShowsAtOnce() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2025, 2026, 1, null);
        String candidate = candidate(local, cluster, "1", "NDA_SUBMITTED", null);
        Map<String, Object> approval = new HashMap<>(TestData.approval(candidate, "NMPA", "2025-12-31", TestData.unique("N")));
        String id = TestData.create("/api/v1/approvals", approval);
        assertEquals(1, report(target, "2026-06-30").getInt("items[0].actual"));

        approval.put("approvedOn", "2026-01-02");
        given().contentType(ContentType.JSON).body(approval).put("/api/v1/approvals/" + id).then().statusCode(200);
        JsonPath moved = report(target, "2026-06-30");
        assertEquals(0, moved.getInt("items[0].actual"));
        assertEquals("MISSED", moved.getString("items[0].status"));
        assertEquals(1, moved.getInt("items[1].actual"));

        given().delete("/api/v1/approvals/" + id).then().statusCode(204);
        assertEquals(0, report(target, "2026-06-30").getInt("items[1].actual"));
    }

    /**
     * Pipeline by hand: two Class 1 submissions decided in 2027 (p = 0.906 each), one decided in 2028, a discontinued
     * one and a Class 2.2 one that never count. For 2027, X ~ PB(0.906, 0.906): P(0) = 0.094² = 0.008836,
     * P(1) = 2 × 0.906 × 0.094 = 0.170328, P(2) = 0.820836; E = 1.812. With bounds [1, 1]:
     * P(X >= 1) = 0.991164 and P(X = 1) = 0.170328. For 2028 only the third counts: P(X >= 1) = 0.906.
     */
    @Test
    void forecastMatchesThePoissonBinomialWorkedOutByHand() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2027, 2028, 1, 1);
        candidate(local, cluster, "1", "NDA_SUBMITTED", "2027-03-01");
        candidate(local, cluster, "1.2", "NDA_SUBMITTED", "2027-06-01");
        candidate(local, cluster, "1", "NDA_SUBMITTED", "2028-01-15");
        candidate(local, cluster, "1", "DISCONTINUED", "2027-04-01");
        candidate(local, cluster, "2.2", "NDA_SUBMITTED", "2027-04-01");

        JsonPath r = report(target, "2026-11-28");
        assertEquals("NOT_STARTED", r.getString("items[0].status"));
        assertEquals(1.812, r.getDouble("items[0].forecast.expected"), 1e-6);
        assertEquals(0.991164, r.getDouble("items[0].forecast.probabilityMeetingMin"), 1e-6);
        assertEquals(0.170328, r.getDouble("items[0].forecast.probabilityWithinRange"), 1e-6);
        assertEquals("ON_TRACK", r.getString("items[0].forecast.outlook"));
        assertEquals(3, r.getInt("items[0].forecast.candidatesConsidered"));
        assertEquals(0.906, r.getDouble("items[1].forecast.probabilityMeetingMin"), 1e-6);
        // The distribution reaches past annualMax: 2 or more shares one entry, as three candidates could make it 3.
        assertEquals(List.of(0, 1, 2), r.getList("items[0].forecast.distribution.count", Integer.class));
        assertEquals(List.of(false, false, true), r.getList("items[0].forecast.distribution.orMore", Boolean.class));
        assertDistribution(List.of(0.008836, 0.170328, 0.820836), r, 0);
    }

    private static void assertDistribution(List<Double> expected, JsonPath report, int item) {
        List<Double> probabilities = report.getList("items[" + item + "].forecast.distribution.probability", Double.class);
        assertEquals(expected.size(), probabilities.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), probabilities.get(i), 1e-6);
        }
    }

    /** In the as-of year, one recorded approval is certain: with bounds [2, 3] the year needs one more of two chances. */
    @Test
    void recordedApprovalsAreCertainInTheAsOfYear() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2026, 2026, 2, 3);
        approved(local, cluster, "1", "NMPA", "2026-02-02");
        candidate(local, cluster, "1", "NDA_SUBMITTED", "2026-12-15");
        candidate(local, cluster, "1", "NDA_SUBMITTED", "2026-12-20");

        JsonPath r = report(target, "2026-11-28");
        assertEquals(1, r.getInt("items[0].actual"));
        assertEquals("IN_PROGRESS", r.getString("items[0].status"));
        assertEquals(1 + 2 * 0.906, r.getDouble("items[0].forecast.expected"), 1e-6);
        assertEquals(1 - 0.094 * 0.094, r.getDouble("items[0].forecast.probabilityMeetingMin"), 1e-6);
        assertEquals(1 - 0.094 * 0.094, r.getDouble("items[0].forecast.probabilityWithinRange"), 1e-6);
        // From the recorded count up; two candidates can add at most two, so the last entry is exactly 3.
        assertEquals(List.of(1, 2, 3), r.getList("items[0].forecast.distribution.count", Integer.class));
        assertEquals(List.of(false, false, false), r.getList("items[0].forecast.distribution.orMore", Boolean.class));
        assertDistribution(List.of(0.094 * 0.094, 2 * 0.906 * 0.094, 0.906 * 0.906), r, 0);
    }

    /**
     * The worked example of src/docs/counting-and-forecast.md, as of 2026-06-30 with bounds [2, 3] and one approval recorded in 2026. A was
     * submitted 184 days earlier with no expected date: 0.906 × (1 − S(1.0076) / S(0.5038)) = 0.3064 with the Erlang-2
     * survival S(t) = e^(−λt)(1 + λt), λ = 2 / 1.3. B expects its decision on 2026-09-15: 0.906.
     * P(X = 0) = 0.6936 × 0.094 = 0.0652, so P(count >= 2) = 0.9348; E = 1 + 0.3064 + 0.906 = 2.2124.
     */
    @Test
    void workedExampleHolds() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2026, 2026, 2, 3);
        approved(local, cluster, "1", "NMPA", "2026-02-02");
        String a = candidate(local, cluster, "1", "PHASE_3", null);
        TestData.create("/api/v1/candidates/" + a + "/milestones", Map.of("phase", "NDA_SUBMITTED", "reachedOn", "2025-12-28"));
        candidate(local, cluster, "1", "NDA_SUBMITTED", "2026-09-15");

        JsonPath r = report(target, "2026-06-30");
        assertEquals(1, r.getInt("items[0].actual"));
        assertEquals(2.2124, r.getDouble("items[0].forecast.expected"), 0.003);
        assertEquals(0.9348, r.getDouble("items[0].forecast.probabilityMeetingMin"), 0.003);
        assertEquals(0.9348, r.getDouble("items[0].forecast.probabilityWithinRange"), 0.003);
        assertEquals("ON_TRACK", r.getString("items[0].forecast.outlook"));
    }

    @Test
    void cumulativeItemComparesThePeriodTotal() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> body = TestData.target(TestData.unique("t"), "CN-HB", cluster, 2024, 2025);
        body.put("cumulativeMin", 2);
        String target = TestData.create("/api/v1/targets", body);
        approved(local, cluster, "1", "NMPA", "2024-05-05");
        JsonPath r = report(target, "2026-01-01");
        assertEquals(1, r.getList("cumulative").size());
        assertEquals(1, r.getInt("cumulative[0].cumulativeActual"));
        assertEquals("MISSED", r.getString("cumulative[0].status"));
        approved(local, cluster, "1", "NMPA", "2025-05-05");
        assertEquals("MET", report(target, "2026-01-01").getString("cumulative[0].status"));
    }

    @Test
    void yearFilterKeepsOneYearAndUnknownTargetAnswers404() {
        String cluster = TestData.newCluster();
        String target = target(cluster, 2025, 2027, 1, 3);
        given().queryParam("targetId", target).queryParam("year", 2026).queryParam("asOf", "2026-01-01")
                .get(INDICATORS).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].year", equalTo(2026));
        given().queryParam("targetId", "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f").get(INDICATORS)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedParametersAnswer400() {
        given().queryParam("asOf", "yesterday").get(INDICATORS).then().statusCode(400)
                .contentType("application/problem+json");
        // A target is named by its id or its code: an unknown one is not found.
        given().queryParam("targetId", "nope").get(INDICATORS).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("year", 1800).get(INDICATORS).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * The demo seed's Chongqing targets as of 2026-11-28, as the README states them: 2024 (xeligekimab, reported
     * until its official source's address is recorded) lies outside 2025–2027; 2025 has pCAR-19B and 2026 GR1801,
     * both only reported, so neither year counts one confirmed approval; the ten-in-total goal holds 0 confirmed, 3
     * if the reports hold; xeligekimab's second indication (January 2025) is listed, never counted.
     */
    @Test
    void demoTargetReportsTheYearsOfThePlan() {
        JsonPath r = report("01900000-0000-7000-8000-000000000601", "2026-11-28");
        assertEquals(3, r.getList("items").size());
        assertEquals(java.util.List.of(2025, 2026, 2027), r.getList("items.year"));
        assertEquals("MISSED", r.getString("items[0].status"));
        assertEquals(null, r.get("items[0].forecast"));
        assertEquals(java.util.List.of(0, 1, 1), java.util.List.of(r.getInt("items[0].actual"),
                r.getInt("items[0].byEvidence.confirmedOrReported"), r.getInt("items[0].byEvidence.all")));
        assertEquals(java.util.List.of("pCAR-19B"), r.getList("items[0].approvals.candidateName"));
        assertEquals("IN_PROGRESS", r.getString("items[1].status"));
        assertEquals(0, r.getInt("items[1].actual"));
        assertEquals(1, r.getInt("items[1].byEvidence.confirmedOrReported"));
        assertEquals(java.util.List.of("silevimig"), r.getList("items[1].approvals.candidateName"));
        // The figures the README and the counting page quote.
        assertEquals(0.207, r.getDouble("items[1].forecast.probabilityMeetingMin"), 0.0005);
        assertEquals("NOT_STARTED", r.getString("items[2].status"));
        assertEquals(2.61, r.getDouble("items[2].forecast.expected"), 0.005);
        JsonPath total = report("01900000-0000-7000-8000-000000000602", "2026-11-28");
        assertEquals(0, total.getInt("totals[0].actual"));
        assertEquals(3, total.getInt("totals[0].byEvidence.confirmedOrReported"));
        assertEquals(java.util.List.of("xeligekimab", "pCAR-19B", "silevimig"),
                total.getList("totals[0].approvals.candidateName"));
        assertEquals(10, total.getInt("totals[0].goal"));
        assertEquals(2.84, total.getDouble("totals[0].expected"), 0.005);
        assertEquals("OFF_TRACK", total.getString("totals[0].outlook"));
        // The regions of 2025: Chongqing's records against the others' own counts and the nation's 76.
        JsonPath regions = given().queryParam("year", 2025).queryParam("asOf", "2026-11-28")
                .get(INDICATORS + "/regions").then().statusCode(200).extract().jsonPath();
        assertEquals(76, regions.getInt("national.value"));
        assertEquals(0, regions.getInt("regions.find { it.regionCode == 'CN-CQ' }.counted"));
        assertEquals(1, regions.getInt("regions.find { it.regionCode == 'CN-CQ' }.countedOrReported"));
        assertEquals(17, regions.getInt("regions.find { it.regionCode == 'CN-JS' }.published"));
        assertEquals(17.0 / 76, regions.getDouble("regions.find { it.regionCode == 'CN-JS' }.publishedShare"), 1e-6);
        assertEquals(4, regions.getInt("regions.find { it.regionCode == 'CN-HB' }.published"));
    }

    private static void assertEquals(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }

    private static void assertEquals(double expected, double actual, double delta) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, delta);
    }

    @Test
    void aCandidateWithoutHistoryIsInItsPhaseSinceTheDayItWasRecordedInChina() {
        String dated = TestData.newCluster();
        Map<String, Object> body = TestData.candidate(TestData.unique("D"), TestData.newOrganization("CN-HB", dated),
                dated, "1", "NDA_SUBMITTED");
        body.put("phaseReachedOn", "2026-01-02");
        TestData.create("/api/v1/candidates", body);

        // Recorded at 00:30 on 2 January in China, which is still 1 January in UTC and west of it.
        String undated = TestData.newCluster();
        TestData.execute("""
                insert into candidate (id, code, sponsor_id, cluster_id, category, registration_class, modality, phase,
                                       created_at, updated_at, version)
                values (gen_random_uuid(), ?, cast(? as uuid), cast(? as uuid), 'CHEMICAL', '1', 'OTHER',
                        'NDA_SUBMITTED', timestamptz '2026-01-02 00:30:00+08', now(), 0)
                """, TestData.unique("U"), TestData.newOrganization("CN-HB", undated), undated);

        JsonPath fromHistory = report(target(dated, 2026, 2026, 1, 3), "2026-06-30");
        JsonPath fromRecording = report(target(undated, 2026, 2026, 1, 3), "2026-06-30");
        assertEquals(1, fromRecording.getInt("items[0].forecast.candidatesConsidered"));
        assertEquals(fromHistory.getDouble("items[0].forecast.expected"),
                fromRecording.getDouble("items[0].forecast.expected"));
        assertEquals(fromHistory.getDouble("items[0].forecast.probabilityMeetingMin"),
                fromRecording.getDouble("items[0].forecast.probabilityMeetingMin"));
    }

    @Test
    void anUndatedStartIsTimedFromRecordingAndTheForecastSaysWhichCandidates() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> body = TestData.candidate(TestData.unique("U"), sponsor, cluster, "1", "PHASE_3");
        body.remove("phaseReachedOn");
        String undated = TestData.create("/api/v1/candidates", body);
        String target = target(cluster, 2026, 2027, 1, 3);
        JsonPath before = report(target, "2026-11-28");
        assertEquals(java.util.List.of(undated), before.getList("items[0].forecast.timedFromRecording"));
        double asPhase3 = before.getDouble("items[1].forecast.probabilityMeetingMin");

        given().contentType(ContentType.JSON).body(Map.of("phase", "NDA_SUBMITTED", "reachedOn", "2026-03-01"))
                .post("/api/v1/candidates/" + undated + "/milestones").then().statusCode(201);
        JsonPath after = report(target, "2026-11-28");
        assertEquals(java.util.List.of(), after.getList("items[0].forecast.timedFromRecording"));
        double asSubmitted = after.getDouble("items[1].forecast.probabilityMeetingMin");
        org.junit.jupiter.api.Assertions.assertTrue(asPhase3 < 0.1 && asSubmitted > 0.3,
                "phase 3: " + asPhase3 + ", submitted: " + asSubmitted);
    }

    @Test
    void onlyConfirmedApprovalsMakeTheCountAndTheOtherLevelsStandBesideIt() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2025, 2026, 1, 3);
        String[][] approvals = {{"CONFIRMED", "2026-02-01", "DAY"}, {"REPORTED", "2026-03-01", "DAY"},
                {"UNCONFIRMED", "2026-04-01", "DAY"}, {"REPORTED", "2025-01-01", "YEAR"}};
        for (String[] approval : approvals) {
            Map<String, Object> body = TestData.approval(candidate(local, cluster, "1", "NDA_SUBMITTED", null), "NMPA",
                    approval[1], TestData.unique("N"));
            body.put("evidence", approval[0]);
            body.put("datePrecision", approval[2]);
            TestData.create("/api/v1/approvals", body);
        }
        JsonPath r = report(target, "2026-11-28");
        assertEquals(0, r.getInt("items[0].actual"));
        assertEquals("MISSED", r.getString("items[0].status"));
        assertEquals(1, r.getInt("items[0].byEvidence.confirmedOrReported"));
        assertEquals(1, r.getInt("items[1].actual"));
        assertEquals("MET", r.getString("items[1].status"));
        assertEquals(1, r.getInt("items[1].byEvidence.confirmed"));
        assertEquals(2, r.getInt("items[1].byEvidence.confirmedOrReported"));
        assertEquals(3, r.getInt("items[1].byEvidence.all"));
        assertEquals(java.util.List.of("CONFIRMED", "REPORTED", "UNCONFIRMED"), r.getList("items[1].approvals.evidence"));
    }

    /**
     * A TOTAL goal of 3 since 2024 by the end of 2027, as of 2026-06-30: one confirmed approval in 2024, a reported
     * one of the same drug (not counted), and two submitted candidates decided on known dates, each approved with probability 0.906. The
     * goal needs both: P = 0.906² = 0.820836, and the expected total is 1 + 2 × 0.906 = 2.812.
     */
    @Test
    void aTotalGoalCountsFromItsStartAndForecastsTheGapByHand() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> goal = TestData.target(TestData.unique("total"), "CN-HB", cluster, 2025, 2027);
        goal.put("kind", "TOTAL");
        goal.remove("annualMin");
        goal.remove("annualMax");
        goal.put("totalGoal", 3);
        goal.put("countFrom", "2024-01-01");
        String target = TestData.create("/api/v1/targets", goal);
        String confirmedOne = candidate(local, cluster, "1", "NDA_SUBMITTED", null);
        approve(confirmedOne, "NMPA", "2024-08-20");
        approved(local, cluster, "1", "NMPA", "2023-05-05");
        // A reported approval of another drug counts beside the confirmed ones; a later approval of the confirmed
        // drug (a new indication) is listed, never counted again.
        String reportedOne = candidate(local, cluster, "1", "PHASE_3", null);
        Map<String, Object> reported = TestData.approval(reportedOne, "NMPA", "2025-05-05", TestData.unique("N"));
        reported.put("evidence", "REPORTED");
        TestData.create("/api/v1/approvals", reported);
        Map<String, Object> later = TestData.approval(confirmedOne, "NMPA", "2025-06-06", TestData.unique("N"));
        later.put("kind", "NEW_INDICATION");
        TestData.create("/api/v1/approvals", later);
        candidate(local, cluster, "1", "NDA_SUBMITTED", "2026-09-15");
        candidate(local, cluster, "1", "NDA_SUBMITTED", "2027-03-01");

        JsonPath r = report(target, "2026-06-30");
        assertEquals(0, r.getList("items").size());
        assertEquals(1, r.getInt("totals[0].actual"));
        assertEquals(2, r.getInt("totals[0].byEvidence.confirmedOrReported"));
        assertEquals(2, r.getInt("totals[0].shortfall"));
        assertEquals("IN_PROGRESS", r.getString("totals[0].status"));
        // The reported drug stays in the pipeline (in PHASE_3) the confirmed count is forecast from.
        assertEquals(0.831951, r.getDouble("totals[0].probabilityReachingGoal"), 1e-6);
        assertEquals(2.877258, r.getDouble("totals[0].expected"), 1e-6);
        assertEquals("ON_TRACK", r.getString("totals[0].outlook"));

        given().contentType(ContentType.JSON).body(Map.of("code", "x", "name", "x", "regionCode", "CN-HB",
                "metric", "CLASS1_APPROVALS", "fromYear", 2025, "toYear", 2027, "kind", "TOTAL", "annualMin", 1))
                .post("/api/v1/targets").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("totalGoal", "annualMin"));
    }

    @Test
    void aPastAsOfForecastsFromThePipelineAsItStoodThen() {
        String moving = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", moving);
        String movingTarget = target(moving, 2025, 2027, 1, 3);
        Map<String, Object> body = TestData.candidate(TestData.unique("H"), sponsor, moving, "1", "PHASE_2");
        body.put("phaseReachedOn", "2024-01-01");
        String candidate = TestData.create("/api/v1/candidates", body);
        for (String[] step : new String[][] {{"PHASE_3", "2025-06-01"}, {"NDA_SUBMITTED", "2026-02-01"}}) {
            given().contentType(ContentType.JSON).body(Map.of("phase", step[0], "reachedOn", step[1]))
                    .post("/api/v1/candidates/" + candidate + "/milestones").then().statusCode(201);
        }
        // As a phase 2 candidate in March 2025 it had next to no chance of approval in 2026; submitted, in June 2026,
        // a good one.
        double early = report(movingTarget, "2025-03-01").getDouble("items[1].forecast.expected");
        double later = report(movingTarget, "2026-06-30").getDouble("items[1].forecast.expected");
        org.junit.jupiter.api.Assertions.assertTrue(early < 0.01 && later > 0.25, early + " then " + later);

        String approving = TestData.newCluster();
        String approvingTarget = target(approving, 2025, 2027, 1, 3);
        approve(candidate(TestData.newOrganization("CN-HB", approving), approving, "1", "NDA_SUBMITTED", null), "NMPA",
                "2025-09-01");
        assertEquals(1L, report(approvingTarget, "2025-03-01").getLong("items[0].forecast.candidatesConsidered"));
        assertEquals(0L, report(approvingTarget, "2026-01-01").getLong("items[1].forecast.candidatesConsidered"));
    }

    /**
     * Two past years worked by hand. A candidate submitted on 2022-01-01 is approved on 2023-03-01. As of 2023-01-01
     * it has waited e = 365/365.25 years and the year has w = 364/365.25 left: p = 0.906 (1 - S(e + w) / S(e)) with
     * the Erlang-2 survival S. As of 2023-07-01 the approval is known (p = 1); 2024 has no pipeline (p = 0) and no
     * approval. So Brier = (1 - p)² / 4 and the mean absolute error (1 - p) / 4.
     */
    @Test
    void theBacktestScoresPastYearsAgainstWhatHappenedByHand() {
        String cluster = TestData.newCluster();
        String local = TestData.newOrganization("CN-HB", cluster);
        String target = target(cluster, 2023, 2024, 1, 3);
        Map<String, Object> body = TestData.candidate(TestData.unique("B"), local, cluster, "1", "NDA_SUBMITTED");
        body.put("phaseReachedOn", "2022-01-01");
        approve(TestData.create("/api/v1/candidates", body), "NMPA", "2023-03-01");

        double rate = 2 / 1.3;
        double e = 365 / 365.25;
        double w = 364 / 365.25;
        double p = 0.906 * (1 - Math.exp(-rate * (e + w)) * (1 + rate * (e + w)) / (Math.exp(-rate * e) * (1 + rate * e)));
        JsonPath r = given().queryParam("targetId", target).get(INDICATORS + "/backtest").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, r.getList("rows").size());
        assertEquals(p, r.getDouble("rows[0].probabilityMeetingMin"), 0.002);
        assertEquals(p, r.getDouble("rows[0].expected"), 0.002);
        assertEquals(1.0, r.getDouble("rows[1].probabilityMeetingMin"), 1e-9);
        assertEquals(1, r.getInt("rows[1].certain"));
        assertEquals(0.0, r.getDouble("rows[2].probabilityMeetingMin"), 1e-9);
        assertEquals(java.util.List.of(true, true, false, false), r.getList("rows.met"));
        assertEquals((1 - p) * (1 - p) / 4, r.getDouble("brierScore"), 0.001);
        assertEquals((1 - p) / 4, r.getDouble("meanAbsoluteError"), 0.001);
        assertEquals(2, r.getInt("calibration[0].forecasts"));
        assertEquals(0.0, r.getDouble("calibration[0].observed"), 1e-9);
        assertEquals(1, r.getInt("calibration[4].forecasts"));
        given().queryParam("targetId", target).queryParam("to", 2026).get(INDICATORS + "/backtest").then().statusCode(400);
    }

    @Test
    void theLeagueTableRanksEveryTargetsProgressSideBySide() {
        JsonPath league = given().queryParam("asOf", "2026-11-28").get(INDICATORS + "/league").then().statusCode(200)
                .extract().jsonPath();
        java.util.List<String> codes = league.getList("targetCode");
        java.util.List<String> demo = codes.stream().filter(code -> java.util.Set.of("cq-class1-approvals-2025-2027",
                "cq-innovative-drugs-total-2027", "bj-innovative-drugs-2024-2026", "sh-pudong-class1-2025-2027")
                .contains(code)).toList();
        // Nothing of Chongqing's is confirmed (xeligekimab is reported until its official source is recorded): the
        // band ranks first of the demo's by the chance of a confirmed approval this year, the others reach nothing.
        assertEquals("cq-class1-approvals-2025-2027", demo.get(0));
        assertEquals(4, demo.size());
        String total = "find { it.targetCode == 'cq-innovative-drugs-total-2027' }";
        assertEquals(0.0, league.getDouble(total + ".shareReached"), 1e-9);
        assertEquals(10, league.getInt(total + ".goal"));
        assertEquals("TOTAL", league.getString(total + ".kind"));
        // The band is judged year by year: 2025 is past and fell short (pCAR-19B is only reported), so 0 of 1.
        String band = "find { it.targetCode == 'cq-class1-approvals-2025-2027' }";
        assertEquals(1, league.getInt(band + ".goal"));
        assertEquals(0, league.getInt(band + ".actual"));
        assertEquals(1, league.getInt(band + ".yearsJudged"));
        assertEquals(0, league.getInt(band + ".yearsMet"));
        assertEquals(0.0, league.getDouble(band + ".shareReached"), 1e-9);
        assertEquals("MISSED", league.getString(band + ".status"));
        // Beijing has no records; its own count of January–February 2025 is shown beside its 0, never in it.
        String beijing = "find { it.targetCode == 'bj-innovative-drugs-2024-2026' }";
        assertEquals(0, league.getInt(beijing + ".actual"));
        assertEquals(4, league.getInt(beijing + ".published.value"));
        assertEquals("2025-02-28", league.getString(beijing + ".published.periodTo"));
        java.util.List<Integer> ranks = league.getList("rank");
        for (int i = 0; i < ranks.size(); i++) {
            assertEquals(i + 1, ranks.get(i));
        }
    }
}
