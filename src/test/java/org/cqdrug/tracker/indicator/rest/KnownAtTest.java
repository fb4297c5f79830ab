package org.cqdrug.tracker.indicator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A report made at an instant is reproduced later from the history, whatever was corrected, added or deleted since.
 * Rows live in CN-HI (Hainan), 2012, which no other test uses.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class KnownAtTest {

    private static final String INDICATORS = "/api/v1/indicators";

    @Test
    void aReportIsReproducedAsItWasKnownAfterLaterCorrectionsAndDeletions() {
        String sponsor = TestData.newOrganization("CN-HI", null);
        String code = TestData.unique("hi");
        String target = TestData.create("/api/v1/targets", TestData.target(code, "CN-HI", null, 2012, 2012));
        String kept = approval(sponsor, "2012-05-01");
        String deleted = approval(sponsor, "2012-07-01");
        // The instant the report was made: the last change recorded by then.
        String reportedAt = given().get("/api/v1/approvals/" + deleted + "/history").then().statusCode(200)
                .extract().jsonPath().getString("[0].changedAt");
        JsonPath then = report(code, reportedAt);
        assertEquals(2, then.getInt("items[0].actual"));
        assertEquals("MET", then.getString("items[0].status"));

        // Since: one approval is corrected into the next year, one deleted, one more recorded, the target changed.
        given().contentType("application/merge-patch+json").body(Map.of("approvedOn", "2013-01-15"))
                .patch("/api/v1/approvals/" + kept).then().statusCode(200);
        given().delete("/api/v1/approvals/" + deleted).then().statusCode(204);
        approval(sponsor, "2012-09-09");
        given().contentType("application/merge-patch+json").body(Map.of("annualMin", 2, "annualMax", 4))
                .patch("/api/v1/targets/" + target).then().statusCode(200);

        JsonPath now = report(code, null);
        assertEquals(1, now.getInt("items[0].actual"));
        assertEquals(2, now.getInt("items[0].annualMin"));
        assertEquals("MISSED", now.getString("items[0].status"));
        JsonPath again = report(code, reportedAt);
        assertEquals(then.getMap("items[0]"), again.getMap("items[0]"), "the report as it was known is reproduced");
        assertEquals(List.of(kept, deleted), again.getList("items[0].approvals.id"));

        // The league and the regions answer as known too; a malformed instant names its form.
        List<String> league = given().queryParam("asOf", "2013-06-30").queryParam("knownAt", reportedAt)
                .get(INDICATORS + "/league").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.targetCode == '" + code + "' }.status");
        assertEquals(List.of("MET"), league);
        given().queryParam("year", 2012).queryParam("asOf", "2013-06-30").queryParam("knownAt", reportedAt)
                .get(INDICATORS + "/regions").then().statusCode(200)
                .body("regions.find { it.regionCode == 'CN-HI' }.counted", org.hamcrest.Matchers.equalTo(2));
        // Without asOf, a replay counts to the known instant's day, in the service's calendar, not to today.
        String knownDay = java.time.LocalDate.ofInstant(java.time.Instant.parse(reportedAt),
                java.time.ZoneId.of("Asia/Shanghai")).toString();
        given().queryParam("targetId", code).queryParam("knownAt", reportedAt).get(INDICATORS).then().statusCode(200)
                .body("asOf", org.hamcrest.Matchers.equalTo(knownDay));

        // Before the first revision the record held nothing.
        given().queryParam("knownAt", "2000-01-01T00:00:00Z").get(INDICATORS).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("totals", org.hamcrest.Matchers.empty());
        given().queryParam("knownAt", "2000-01-01T00:00:00Z").get(INDICATORS + "/league").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());
        given().queryParam("knownAt", "2000-01-01T00:00:00Z").queryParam("year", 1999).get(INDICATORS + "/regions")
                .then().statusCode(200);
        given().queryParam("knownAt", "2099-01-01T00:00:00Z").get(INDICATORS).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("knownAt"));
        given().queryParam("knownAt", "last January").get(INDICATORS).then().statusCode(400)
                .body("errors[0].message", containsString("YYYY-MM-DDThh:mm:ssZ"));
    }

    private static JsonPath report(String code, String knownAt) {
        var request = given().queryParam("targetId", code).queryParam("asOf", "2013-06-30")
                .queryParam("include", "approvals");
        if (knownAt != null) {
            request.queryParam("knownAt", knownAt);
        }
        return request.get(INDICATORS).then().statusCode(200).extract().jsonPath();
    }

    private static String approval(String sponsor, String on) {
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        return TestData.create("/api/v1/approvals", TestData.approval(candidate, "NMPA", on, TestData.unique("S")));
    }
}
