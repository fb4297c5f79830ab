package org.cqdrug.tracker.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.ReadBeforeWrite;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each error answer names what to fix, and a request's errors come in one answer. */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class ErrorsSayWhatToFixTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anUnsupportedMediaTypeNamesTheOneExpected() {
        String cluster = TestData.newCluster();
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).patch("/api/v1/clusters/" + cluster).then()
                .statusCode(415).contentType(PROBLEM)
                .body("detail", containsString("application/merge-patch+json"));
        given().contentType("text/plain").body("x").post("/api/v1/clusters").then().statusCode(415)
                .body("detail", containsString("takes application/json"));
    }

    @Test
    void aTargetIsNamedByItsCodeAndMalformedParametersNameTheirForm() {
        given().queryParam("targetId", "cq-class1-approvals-2025-2027").queryParam("asOf", "2026-11-28")
                .get("/api/v1/indicators").then().statusCode(200)
                .body("items.targetCode", org.hamcrest.Matchers.everyItem(equalTo("cq-class1-approvals-2025-2027")));
        given().queryParam("targetId", "cq-innovative-drugs-total-2027").queryParam("from", 2025)
                .get("/api/v1/indicators/backtest").then().statusCode(400).body("detail", containsString("TOTAL"));
        // Every unreadable parameter at once, each with the form it takes.
        given().queryParam("approvedFrom", "yesterday").queryParam("evidence", "SURE")
                .get("/api/v1/approvals").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("approvedFrom", "evidence"))
                .body("errors.message", hasItems(containsString("YYYY-MM-DD"), containsString("CONFIRMED, REPORTED")));
        given().queryParam("year", "abc").queryParam("authority", "CFDA").get("/api/v1/approvals").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("authority", "year"))
                .body("errors.find { it.field == 'year' }.message", containsString("whole number"));
    }

    @Test
    void aMalformedIfMatchIsA400NamingTheSyntax() {
        String cluster = TestData.newCluster();
        given().header(ReadBeforeWrite.UNCONDITIONAL, "true").header("If-Match", "0").contentType("application/merge-patch+json")
                .body(Map.of("district", "Shuitu")).patch("/api/v1/clusters/" + cluster).then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("double quotes"))
                .body("errors.field", equalTo(List.of("If-Match")));
        given().header(ReadBeforeWrite.UNCONDITIONAL, "true").header("If-Match", "\"7\"")
                .contentType("application/merge-patch+json").body(Map.of("district", "Shuitu"))
                .patch("/api/v1/clusters/" + cluster).then().statusCode(412);
    }

    @Test
    void everyErrorOfABodyComesInOneAnswer() {
        Map<String, Object> body = TestData.cluster(TestData.unique("c"));
        body.put("regionCode", "nowhere");
        body.put("colour", "red");
        Map<String, Object> candidate = TestData.candidate(TestData.unique("E"), null, null, "1", "PHASE_9");
        candidate.put("category", "PILL");
        candidate.put("expectedDecisionOn", "next year");
        given().contentType(ContentType.JSON).body(candidate).post("/api/v1/candidates").then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("phase", "category", "expectedDecisionOn", "sponsorId"))
                .body("errors.find { it.field == 'phase' }.message", containsString("PHASE_3"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/clusters").then().statusCode(400)
                .body("errors.field", hasItems("regionCode", "colour"));
        String cluster = TestData.newCluster();
        given().contentType("application/merge-patch+json").body(Map.of("regionCode", "nowhere", "colour", "red"))
                .patch("/api/v1/clusters/" + cluster).then().statusCode(400)
                .body("errors.field", hasItems("regionCode", "colour"));
    }

    @Test
    void theFutureDateRuleNamesTheLastDateAccepted() {
        String sponsor = TestData.newOrganization("CN-QH", null);
        Map<String, Object> body = TestData.candidate(TestData.unique("F"), sponsor, null, "1", "PHASE_1");
        body.put("phaseReachedOn", "2099-01-01");
        // The tests' clock stands at 2026-11-28 (tracker.fixed-clock); a day of slack makes the 29th the last.
        String last = "2026-11-29";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/candidates").then().statusCode(400)
                .body("errors[0].message", containsString(last))
                .body("errors[0].message", containsString("Asia/Shanghai"));
    }
}
