package org.cqdrug.tracker.indicator.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Counts from records beside the counts regions publish, on hand-worked examples. Each test has a region and years
 * of its own, which no other test writes, since every test shares one database.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class PublishedBesideRecordsTest {

    private static final String INDICATORS = "/api/v1/indicators";
    private static final String COUNTS = "/api/v1/published-counts";

    /**
     * 2011 in Tibet: two confirmed Class 1 approvals that certainly fall in it (one known to the day, one to the
     * month), one reported, two confirmed but known only between November 2010 and February 2011 and between
     * December 2011 and January 2012 (uncertain, counted in neither year), and a confirmed Class 2.2 one (never
     * Class 1). Tibet published 8 and the nation 40; Xinjiang published 10 and has no records.
     */
    @Test
    void coverageAndShareAreComputedExactly() {
        String sponsor = TestData.newOrganization("CN-XZ", null);
        approve(sponsor, "1", "2011-03-05", "DAY", null, "CONFIRMED");
        approve(sponsor, "1", "2011-06-01", "MONTH", null, "CONFIRMED");
        approve(sponsor, "1", "2011-08-08", "DAY", null, "REPORTED");
        approve(sponsor, "1", "2010-11-01", "RANGE", "2011-02-01", "CONFIRMED");
        approve(sponsor, "1", "2011-12-01", "RANGE", "2012-01-31", "CONFIRMED");
        approve(sponsor, "2.2", "2011-09-09", "DAY", null, "CONFIRMED");
        Map<String, Object> tibet = published("CN-XZ", "2011-01-01", "2011-12-31", 8);
        tibet.put("nationalShare", 0.2);
        tibet.put("publishedOn", "2012-01-20");
        TestData.create(COUNTS, tibet);
        TestData.create(COUNTS, published("CN-XJ", "2011-01-01", "2011-12-31", 10));
        Map<String, Object> nation = published("CN", "2011-01-01", "2011-12-31", 40);
        nation.put("metric", "NMPA_INNOVATIVE_DRUGS");
        nation.put("evidence", "CONFIRMED");
        TestData.create(COUNTS, nation);
        // A less sure national Class 1 figure does not displace NMPA's confirmed count as the denominator.
        Map<String, Object> rumour = published("CN", "2011-01-01", "2011-12-31", 30);
        rumour.put("evidence", "UNCONFIRMED");
        TestData.create(COUNTS, rumour);

        JsonPath regions = given().queryParam("year", 2011).queryParam("asOf", "2012-06-30")
                .get(INDICATORS + "/regions").then().statusCode(200).extract().jsonPath();
        assertEquals(2011, regions.getInt("year"));
        assertEquals(40, regions.getInt("national.value"));
        assertEquals("NMPA_INNOVATIVE_DRUGS", regions.getString("national.metric"));
        String xz = "regions.find { it.regionCode == 'CN-XZ' }";
        assertEquals(2, regions.getInt(xz + ".counted"));
        assertEquals(3, regions.getInt(xz + ".countedOrReported"));
        assertEquals(8, regions.getInt(xz + ".published"));
        assertEquals(0.25, regions.getDouble(xz + ".coverage"), 1e-9);
        assertEquals(0.05, regions.getDouble(xz + ".share"), 1e-9);
        assertEquals(0.2, regions.getDouble(xz + ".publishedShare"), 1e-9);
        assertEquals(0.2, regions.getDouble(xz + ".publishedStatedShare"), 1e-9);
        String xj = "regions.find { it.regionCode == 'CN-XJ' }";
        assertEquals(0, regions.getInt(xj + ".counted"));
        assertEquals(10, regions.getInt(xj + ".published"));
        assertEquals(0.0, regions.getDouble(xj + ".coverage"), 1e-9);
        // Ranked by counted, never by the published claims: Tibet's 2 records before Xinjiang's 0, though Xinjiang
        // claims more; publishedRank places the claims apart.
        assertTrue(regions.getInt(xz + ".rank") < regions.getInt(xj + ".rank"));
        assertTrue(regions.getInt(xj + ".publishedRank") < regions.getInt(xz + ".publishedRank"));
        assertTrue(regions.getList("regions.regionCode").indexOf("CN-XZ")
                < regions.getList("regions.regionCode").indexOf("CN-XJ"));
        assertTrue(regions.getList("regions.regionCode").stream().noneMatch("CN"::equals));

        // As of a past date: mid-June, the approval known only to June may not have happened yet, so one counts; by
        // July both do. Tibet's own count, published in January 2012, is not known yet either.
        JsonPath june = given().queryParam("year", 2011).queryParam("asOf", "2011-06-15")
                .get(INDICATORS + "/regions").then().statusCode(200).extract().jsonPath();
        assertEquals(1, june.getInt(xz + ".counted"));
        assertNull(june.get(xz + ".published"));
        assertNull(june.get(xz + ".coverage"));
        JsonPath july = given().queryParam("year", 2011).queryParam("asOf", "2011-07-01")
                .get(INDICATORS + "/regions").then().statusCode(200).extract().jsonPath();
        assertEquals(2, july.getInt(xz + ".counted"));
        String csv = given().queryParam("year", 2011).queryParam("asOf", "2012-06-30").queryParam("format", "csv")
                .get(INDICATORS + "/regions").then().statusCode(200).extract().asString();
        assertTrue(csv.lines().anyMatch(line -> line.contains("CN-XZ") && line.contains("0.25")), csv);
        given().queryParam("year", 2013).queryParam("asOf", "2012-06-30").get(INDICATORS + "/regions").then()
                .statusCode(400);
    }

    /** Xinjiang published a count for 2014 but has no records: the figure is shown, and nothing else changes. */
    @Test
    void aRegionWithPublishedCountsButNoRecordsShowsThemApart() {
        String sponsor = TestData.newOrganization("CN-XJ", null);
        TestData.newCandidate(sponsor, null, "1", "PHASE_3");
        Map<String, Object> body = TestData.target(TestData.unique("xj"), "CN-XJ", null, 2014, 2015);
        String target = TestData.create("/api/v1/targets", body);
        JsonPath before = report(target, "2015-06-30");
        String published = TestData.create(COUNTS, published("CN-XJ", "2014-01-01", "2014-12-31", 6));
        JsonPath after = report(target, "2015-06-30");

        assertEquals(published, after.getString("items[0].published.id"));
        assertEquals(6, after.getInt("items[0].published.value"));
        assertEquals(0, after.getInt("items[0].published.counted"));
        assertEquals(0.0, after.getDouble("items[0].published.coverage"), 1e-9);
        assertNull(after.get("items[1].published"));
        // The claim is never part of the count, the status or the forecast.
        for (String field : List.of("actual", "status", "shortfall", "byEvidence", "forecast")) {
            assertEquals((Object) before.get("items[0]." + field), after.get("items[0]." + field), field);
            assertEquals((Object) before.get("items[1]." + field), after.get("items[1]." + field), field);
        }
        assertEquals("MISSED", after.getString("items[0].status"));
        JsonPath league = given().queryParam("asOf", "2015-06-30").get(INDICATORS + "/league").then().statusCode(200)
                .extract().jsonPath();
        String entry = "find { it.targetId == '" + target + "' }";
        assertEquals(0, league.getInt(entry + ".actual"));
        assertEquals(6, league.getInt(entry + ".published.value"));
        assertEquals(0.0, league.getDouble(entry + ".shareReached"), 1e-9);
    }

    /**
     * Guizhou: a confirmed approval known only between 2012-11-01 and 2013-02-28 is uncertain in both years of an
     * ANNUAL target and counted in neither, counted once by a TOTAL target whose period holds it, and counted in no
     * year of the yearly statistics (which list it as uncertain in both); one known to December 2012 counts in 2012
     * only.
     */
    @Test
    void anApprovalWhoseYearIsUncertainIsNeverCountedTwice() {
        String sponsor = TestData.newOrganization("CN-GZ", null);
        String straddling = approve(sponsor, "1", "2012-11-01", "RANGE", "2013-02-28", "CONFIRMED");
        String december = approve(sponsor, "1", "2012-12-01", "MONTH", null, "CONFIRMED");
        String annual = TestData.create("/api/v1/targets", TestData.target(TestData.unique("gz"), "CN-GZ", null,
                2012, 2013));
        Map<String, Object> totalBody = TestData.target(TestData.unique("gzt"), "CN-GZ", null, 2012, 2013);
        totalBody.put("kind", "TOTAL");
        totalBody.remove("annualMin");
        totalBody.remove("annualMax");
        totalBody.put("totalGoal", 3);
        totalBody.put("countFrom", "2012-01-01");
        String total = TestData.create("/api/v1/targets", totalBody);

        JsonPath r = report(annual, "2014-01-31");
        assertEquals(1, r.getInt("items[0].actual"));
        assertEquals(List.of(december), r.getList("items[0].approvals.id"));
        assertEquals(List.of(straddling), r.getList("items[0].uncertain.id"));
        assertEquals(0, r.getInt("items[1].actual"));
        assertEquals(List.of(straddling), r.getList("items[1].uncertain.id"));
        assertEquals("2013-02-28", r.getString("items[1].uncertain[0].latestApprovedOn"));
        assertEquals("RANGE", r.getString("items[1].uncertain[0].datePrecision"));
        JsonPath t = given().queryParam("targetId", total).queryParam("asOf", "2014-01-31")
                .queryParam("include", "approvals").get(INDICATORS).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, t.getInt("totals[0].actual"));
        assertEquals(List.of(), t.getList("totals[0].uncertain"));
        JsonPath yearly = given().queryParam("regionCode", "CN-GZ").queryParam("from", 2012).queryParam("to", 2013)
                .get("/api/v1/approvals/yearly").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 0), yearly.getList("items.class1"));
        assertEquals(List.of(1, 1), yearly.getList("items.uncertain"));
    }

    /**
     * Gansu, as of 2023-06-30. Confirmed approvals: 2020: 1, 2021: 0, 2022: 2, 2023: 1 so far.
     * A: ANNUAL 2020–2023, minimum 1: judged 2020, 2021, 2022 and 2023 (met early), 3 of 4 met: 0.75, MISSED (2021).
     * B: TOTAL goal 5 from 2020: 4 of 5: 0.8. C: ANNUAL 2022–2023: 2 of 2: 1.0. D: ANNUAL 2023–2024, minimum 2: no
     * year judged yet, ranked after every share. Summing approvals against minimum × years would put A at 4/4 = 1.0.
     */
    @Test
    void theLeagueJudgesAnnualTargetsYearByYear() {
        String sponsor = TestData.newOrganization("CN-GS", null);
        for (String day : List.of("2020-05-05", "2022-03-03", "2022-09-09", "2023-03-01")) {
            approve(sponsor, "1", day, "DAY", null, "CONFIRMED");
        }
        String a = TestData.create("/api/v1/targets", TestData.target(TestData.unique("gsa"), "CN-GS", null, 2020, 2023));
        Map<String, Object> totalBody = TestData.target(TestData.unique("gsb"), "CN-GS", null, 2020, 2023);
        totalBody.put("kind", "TOTAL");
        totalBody.remove("annualMin");
        totalBody.remove("annualMax");
        totalBody.put("totalGoal", 5);
        totalBody.put("countFrom", "2020-01-01");
        String b = TestData.create("/api/v1/targets", totalBody);
        String c = TestData.create("/api/v1/targets", TestData.target(TestData.unique("gsc"), "CN-GS", null, 2022, 2023));
        Map<String, Object> dBody = TestData.target(TestData.unique("gsd"), "CN-GS", null, 2023, 2024);
        dBody.put("annualMin", 2);
        String d = TestData.create("/api/v1/targets", dBody);

        JsonPath league = given().queryParam("asOf", "2023-06-30").get(INDICATORS + "/league").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0.75, league.getDouble(entry(a) + ".shareReached"), 1e-9);
        assertEquals(4, league.getInt(entry(a) + ".yearsJudged"));
        assertEquals(3, league.getInt(entry(a) + ".yearsMet"));
        assertEquals(1, league.getInt(entry(a) + ".goal"));
        assertEquals(4, league.getInt(entry(a) + ".actual"));
        assertEquals("MISSED", league.getString(entry(a) + ".status"));
        assertEquals(0.8, league.getDouble(entry(b) + ".shareReached"), 1e-9);
        assertNull(league.get(entry(b) + ".yearsJudged"));
        assertEquals(1.0, league.getDouble(entry(c) + ".shareReached"), 1e-9);
        assertEquals("IN_PROGRESS", league.getString(entry(c) + ".status"));
        assertNull(league.get(entry(d) + ".shareReached"));
        assertEquals(0, league.getInt(entry(d) + ".yearsJudged"));
        List<String> order = league.getList("targetId");
        assertTrue(order.indexOf(c) < order.indexOf(b) && order.indexOf(b) < order.indexOf(a)
                && order.indexOf(a) < order.indexOf(d), order.toString());
        List<Object> shares = league.getList("shareReached");
        int firstNone = shares.indexOf(null);
        assertTrue(shares.subList(firstNone, shares.size()).stream().allMatch(java.util.Objects::isNull),
                "a target with no share yet ranks after every share: " + shares);
    }

    private static String entry(String target) {
        return "find { it.targetId == '" + target + "' }";
    }

    private static JsonPath report(String target, String asOf) {
        return given().queryParam("targetId", target).queryParam("asOf", asOf).queryParam("include", "approvals")
                .get(INDICATORS).then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> published(String region, String from, String to, int value) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("metric", "CLASS1_APPROVALS");
        body.put("periodFrom", from);
        body.put("periodTo", to);
        body.put("value", value);
        body.put("evidence", "REPORTED");
        body.put("sourceUrl", "https://example.org/" + TestData.unique("report"));
        return body;
    }

    /** An approval of a new candidate of the sponsor, at a date precision and evidence level. */
    static String approve(String sponsor, String registrationClass, String on, String precision, String latest,
            String evidence) {
        Map<String, Object> candidate = TestData.candidate(TestData.unique("P"), sponsor, null, registrationClass,
                "NDA_SUBMITTED");
        candidate.put("phaseReachedOn", "2009-01-01");
        String id = TestData.create("/api/v1/candidates", candidate);
        Map<String, Object> body = TestData.approval(id, "NMPA", on, null);
        body.put("datePrecision", precision);
        body.put("latestApprovedOn", latest);
        body.put("evidence", evidence);
        return TestData.create("/api/v1/approvals", body);
    }
}
