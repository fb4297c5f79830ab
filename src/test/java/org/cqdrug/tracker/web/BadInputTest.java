package org.cqdrug.tracker.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Each class of bad input answers the right 4xx as an RFC 9457 problem, never a 500, and writes nothing. */
@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonAnswers400MalformedBody() {
        given().contentType(ContentType.JSON).body("{\"code\": \"x\", ")
                .when().post("/api/v1/clusters")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:cqdrug:problem:malformed-body"))
                .body("detail", containsString("not valid JSON"))
                .body("instance", equalTo("/api/v1/clusters"))
                .body(not(containsString("at com.")));
    }

    @Test
    void wrongTypeAnswers400NamingTheField() {
        String cluster = TestData.newCluster();
        Map<String, Object> target = TestData.target(TestData.unique("t"), "CN-HB", cluster, 2025, 2027);
        target.put("fromYear", "twenty-twenty-five");
        given().contentType(ContentType.JSON).body(target)
                .when().post("/api/v1/targets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("fromYear"))
                .body("detail", containsString("whole number"));
    }

    @Test
    void unknownEnumValueAnswers400ListingTheAllowedValues() {
        Map<String, Object> org = TestData.organization(TestData.unique("Org"), "CN-HB", null);
        org.put("kind", "PHARMACY");
        given().contentType(ContentType.JSON).body(org)
                .when().post("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("kind"))
                .body("detail", containsString("COMPANY, UNIVERSITY, HOSPITAL, RESEARCH_INSTITUTE"));
    }

    @Test
    void misspelledPropertyAnswers400InsteadOfBeingDropped() {
        Map<String, Object> cluster = TestData.cluster(TestData.unique("typo"));
        cluster.put("regoinCode", "CN-HB");
        given().contentType(ContentType.JSON).body(cluster)
                .when().post("/api/v1/clusters")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("regoinCode"));
    }

    @Test
    void serverManagedFieldsFromAReadAreAcceptedBackOnUpdate() {
        String id = TestData.newCluster();
        Map<String, Object> read = given().get("/api/v1/clusters/" + id).then().extract().jsonPath().getMap("");
        read.put("name", "Round trip");
        given().contentType(ContentType.JSON).body(read)
                .when().put("/api/v1/clusters/" + id)
                .then().statusCode(200).body("name", equalTo("Round trip"));
    }

    @Test
    void pathIdThatIsNotAUuidAnswers400Problem() {
        given().when().get("/api/v1/candidates/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:cqdrug:problem:validation"))
                .body("detail", containsString("is 'not-a-uuid', which is not a UUID"));
    }

    @Test
    void unknownIdAnswers404Problem() {
        given().when().get("/api/v1/approvals/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:cqdrug:problem:not-found"))
                .body("detail", containsString("0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f"));
    }

    @Test
    void missingBodyAnswers400() {
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/targets")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void wrongMediaTypeAnswers415Problem() {
        given().contentType(ContentType.XML).body("<cluster/>")
                .when().post("/api/v1/clusters")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void unknownPathAnswers404Problem() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void referenceToAMissingRowAnswers422AndWritesNothing() {
        String code = TestData.unique("T");
        given().contentType(ContentType.JSON)
                .body(TestData.candidate(code, "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f", null, "1", "PHASE_1"))
                .when().post("/api/v1/candidates")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:cqdrug:problem:invalid-reference"))
                .body("errors.field", hasItem("sponsorId"));
        given().queryParam("q", code).get("/api/v1/candidates").then().body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void booleanParametersTakeOnlyTrueOrFalse() {
        given().queryParam("class1Only", "yes").get("/api/v1/approvals").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("is 'yes', which is not true or false"));
        given().contentType("text/csv; charset=UTF-8").queryParam("dryRun", "1").body("code\n")
                .post("/api/v1/candidates/import").then().statusCode(400);
    }

    @Test
    void aForgedCursorAnswers400() {
        for (String cursor : new String[] {"bnVsbA", "WyJrMiIsIiIsbnVsbF0"}) {
            given().queryParam("cursor", cursor).get("/api/v1/candidates").then().statusCode(400)
                    .contentType(PROBLEM);
        }
    }

    @Test
    void datesOutsideTheStoredRangeAnswer400NamingTheField() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        given().contentType(ContentType.JSON).body(TestData.approval(candidate, "NMPA", "1900-01-01", TestData.unique("N")))
                .post("/api/v1/approvals").then().statusCode(400).body("errors.field", hasItem("approvedOn"));
        given().queryParam("asOf", "0001-01-01").get("/api/v1/indicators").then().statusCode(400);
    }

    @Test
    void aNulCharacterAnswers400NotA500() {
        given().queryParam("q", "a\u0000b").get("/api/v1/candidates").then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> cluster = TestData.cluster(TestData.unique("nul"));
        cluster.put("name", "bad\u0000name");
        given().contentType(ContentType.JSON).body(cluster).post("/api/v1/clusters").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void aRepeatedParameterAnswers400() {
        given().queryParam("phase", "PHASE_1", "PHASE_2").get("/api/v1/candidates").then().statusCode(400)
                .body("detail", containsString("given 2 times"));
    }

    @Test
    void aBadSortOnACsvExportAnswers400BeforeStreaming() {
        given().accept("text/csv").queryParam("sort", "colour").get("/api/v1/candidates").then().statusCode(400)
                .contentType(PROBLEM);
    }
}
