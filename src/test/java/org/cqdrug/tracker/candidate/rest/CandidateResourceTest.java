package org.cqdrug.tracker.candidate.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class CandidateResourceTest {

    /** The service's own clock, so that "today" here is the day the service reads. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private static final String CANDIDATES = "/api/v1/candidates";

    private static String milestone(String candidate, String phase, String reachedOn) {
        return TestData.create(CANDIDATES + "/" + candidate + "/milestones",
                Map.of("phase", phase, "reachedOn", reachedOn, "sourceUrl", "https://example.org/m", "note", "test"));
    }

    @Test
    void createStoresEveryFieldIncludingChineseText() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> body = TestData.candidate(TestData.unique("GR"), sponsor, cluster, "1", "PHASE_3");
        body.put("designations", List.of("PRIORITY_REVIEW", "BREAKTHROUGH_THERAPY"));
        body.put("expectedDecisionOn", "2026-06-30");
        String id = TestData.create(CANDIDATES, body);
        given().get(CANDIDATES + "/" + id).then().statusCode(200)
                .body("sponsorId", equalTo(sponsor))
                .body("clusterId", equalTo(cluster))
                .body("nameZh", equalTo("测试单抗"))
                .body("phase", equalTo("PHASE_3"))
                .body("designations", hasItem("BREAKTHROUGH_THERAPY"))
                .body("expectedDecisionOn", equalTo("2026-06-30"));
    }

    @Test
    void recordingAMilestoneMovesTheCurrentPhaseAndHistoryIsChronological() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String id = TestData.newCandidate(sponsor, null, "1", "PHASE_1");
        milestone(id, "PHASE_2", "2025-03-01");
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("PHASE_2"));
        milestone(id, "PHASE_1", "2023-01-10");
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("PHASE_2"));
        given().get(CANDIDATES + "/" + id + "/milestones").then().statusCode(200)
                .body("$", hasSize(3))
                .body("reachedOn", contains("2020-01-01", "2023-01-10", "2025-03-01"))
                .body("[2].phase", equalTo("PHASE_2"));
    }

    @Test
    void deletingTheLatestMilestoneFallsBackToThePreviousPhase() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String id = TestData.newCandidate(sponsor, null, "1", "PHASE_1");
        milestone(id, "PHASE_2", "2024-01-01");
        String latest = milestone(id, "PHASE_3", "2025-01-01");
        given().delete(CANDIDATES + "/" + id + "/milestones/" + latest).then().statusCode(204);
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("PHASE_2"));
        given().get(CANDIDATES + "/" + id + "/milestones/" + latest).then().statusCode(404);
    }

    @Test
    void theStartingPhaseIsTheFirstMilestoneSoDeletingAWrongEntryRestoresIt() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String id = TestData.newCandidate(sponsor, null, "1", "PHASE_1");
        String wrong = milestone(id, "PHASE_3", "2024-06-01");
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("PHASE_3"));
        given().delete(CANDIDATES + "/" + id + "/milestones/" + wrong).then().statusCode(204);
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("PHASE_1"));
        given().get(CANDIDATES + "/" + id + "/milestones").then()
                .body("$", hasSize(1)).body("[0].phase", equalTo("PHASE_1")).body("[0].reachedOn", equalTo("2020-01-01"));
    }

    @Test
    void withoutADateTheStartingPhaseStaysUndatedAndALaterMilestoneMovesThePhase() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        Map<String, Object> body = TestData.candidate(TestData.unique("D"), sponsor, null, "1", "PHASE_3");
        body.remove("phaseReachedOn");
        String id = TestData.create(CANDIDATES, body);
        given().get(CANDIDATES + "/" + id + "/milestones").then()
                .body("$", hasSize(1)).body("[0].reachedOn", org.hamcrest.Matchers.nullValue());
        // Back-filled history outranks the undated start: the candidate was submitted, so it is NDA_SUBMITTED.
        given().contentType(ContentType.JSON).body(Map.of("phase", "NDA_SUBMITTED", "reachedOn", "2026-03-01"))
                .post(CANDIDATES + "/" + id + "/milestones").then().statusCode(201);
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("NDA_SUBMITTED"));
        given().get(CANDIDATES + "/" + id + "/milestones").then()
                .body("phase", org.hamcrest.Matchers.contains("PHASE_3", "NDA_SUBMITTED"))
                .body("[0].reachedOn", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aStepBackInDevelopmentNeedsTheRegressionFlag() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String id = TestData.newCandidate(sponsor, null, "1", "PHASE_3");
        String phase3 = given().get(CANDIDATES + "/" + id + "/milestones").then().extract().path("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("phase", "PHASE_1", "reachedOn", "2021-06-01"))
                .post(CANDIDATES + "/" + id + "/milestones").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("phase"))
                .body("detail", containsString(phase3));
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("PHASE_3"));
        given().contentType(ContentType.JSON)
                .body(Map.of("phase", "PHASE_1", "reachedOn", "2021-06-01", "regression", true))
                .post(CANDIDATES + "/" + id + "/milestones").then().statusCode(201);
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("PHASE_1"));
        given().contentType(ContentType.JSON).body(Map.of("phase", "DISCONTINUED", "reachedOn", "2021-07-01"))
                .post(CANDIDATES + "/" + id + "/milestones").then().statusCode(201);
    }

    @Test
    void backFillingAFurtherPhaseBeforeAnEarlierOneIsAStepBackToo() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        Map<String, Object> body = TestData.candidate(TestData.unique("S"), sponsor, null, "1", "PHASE_2");
        body.put("phaseReachedOn", "2024-01-01");
        String id = TestData.create(CANDIDATES, body);
        given().contentType(ContentType.JSON).body(Map.of("phase", "NDA_SUBMITTED", "reachedOn", "2023-01-01"))
                .post(CANDIDATES + "/" + id + "/milestones").then().statusCode(422)
                .body("errors[0].field", equalTo("phase"));
        given().contentType(ContentType.JSON).body(Map.of("phase", "PHASE_1", "reachedOn", "2023-01-01"))
                .post(CANDIDATES + "/" + id + "/milestones").then().statusCode(201);
    }

    @Test
    void theOnlyMilestoneCannotBeDeletedAndFutureDatesAreRefused() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String id = TestData.newCandidate(sponsor, null, "1", "PHASE_1");
        String only = given().get(CANDIDATES + "/" + id + "/milestones").then().extract().path("[0].id");
        given().delete(CANDIDATES + "/" + id + "/milestones/" + only).then().statusCode(409)
                .body("detail", containsString("only milestone"));
        given().contentType(ContentType.JSON).body(Map.of("phase", "PHASE_2", "reachedOn", "2099-01-01"))
                .post(CANDIDATES + "/" + id + "/milestones").then().statusCode(400)
                .body("errors.field", hasItem("reachedOn"));
        given().get(CANDIDATES + "/" + id).then().body("phase", equalTo("PHASE_1"));
    }

    @Test
    void updateCannotMoveThePhaseSilently() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        Map<String, Object> body = TestData.candidate(TestData.unique("P"), sponsor, null, "1", "PHASE_1");
        String id = TestData.create(CANDIDATES, body);
        body.put("phase", "PHASE_3");
        given().contentType(ContentType.JSON).body(body).put(CANDIDATES + "/" + id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("phase"))
                .body("detail", containsString("milestone"));
        body.put("phase", "PHASE_1");
        body.put("indication", "Updated indication");
        given().contentType(ContentType.JSON).body(body).put(CANDIDATES + "/" + id)
                .then().statusCode(200).body("indication", equalTo("Updated indication"));
    }

    @Test
    void duplicateCodeForTheSameSponsorAnswers409() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String code = TestData.unique("DUP");
        TestData.create(CANDIDATES, TestData.candidate(code, sponsor, null, "1", "PHASE_1"));
        given().contentType(ContentType.JSON).body(TestData.candidate(code, sponsor, null, "1", "PHASE_2"))
                .post(CANDIDATES).then().statusCode(409).contentType("application/problem+json");
        String otherSponsor = TestData.newOrganization("CN-HB", null);
        TestData.create(CANDIDATES, TestData.candidate(code, otherSponsor, null, "1", "PHASE_1"));
    }

    @Test
    void invalidRegistrationClassAnswers400() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        given().contentType(ContentType.JSON).body(TestData.candidate(TestData.unique("X"), sponsor, null, "Class one", "PHASE_1"))
                .post(CANDIDATES).then().statusCode(400)
                .body("errors.field", hasItem("registrationClass"));
    }

    @Test
    void deletingACandidateRemovesItsHistoryButOneWithApprovalsAnswers409() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String plain = TestData.newCandidate(sponsor, null, "1", "PHASE_1");
        milestone(plain, "PHASE_2", "2025-01-01");
        given().delete(CANDIDATES + "/" + plain).then().statusCode(204);
        given().get(CANDIDATES + "/" + plain + "/milestones").then().statusCode(404);

        String approved = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        TestData.create("/api/v1/approvals", TestData.approval(approved, "NMPA", "2025-05-05", TestData.unique("国药准字S")));
        given().delete(CANDIDATES + "/" + approved).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("approval"));
        given().get(CANDIDATES + "/" + approved).then().statusCode(200);
    }

    @Test
    void milestoneWithoutDateAnswers400AndForAMissingCandidate404() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String id = TestData.newCandidate(sponsor, null, "1", "PHASE_1");
        given().contentType(ContentType.JSON).body(Map.of("phase", "PHASE_2"))
                .post(CANDIDATES + "/" + id + "/milestones").then().statusCode(400)
                .body("errors.field", hasItem("reachedOn"));
        given().get(CANDIDATES + "/" + id + "/milestones").then().body("$", hasSize(1));
        given().contentType(ContentType.JSON).body(Map.of("phase", "PHASE_2", "reachedOn", "2025-01-01"))
                .post(CANDIDATES + "/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f/milestones").then().statusCode(404);
    }

    @Test
    void anAcceptanceNumberBelongsToOneCandidateHoweverItsOfficeIsWritten() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String number = "CXSS26" + (10000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(80000));
        Map<String, Object> first = TestData.candidate(TestData.unique("A"), sponsor, null, "1", "PHASE_1");
        first.put("acceptanceNumbers", List.of(number + "国"));
        String id = TestData.create("/api/v1/candidates", first);
        given().get("/api/v1/candidates/" + id).then().body("acceptanceNumbers", equalTo(List.of(number)));
        given().get("/api/v1/candidates?acceptanceNumber=" + number).then().body("items.id", equalTo(List.of(id)));

        Map<String, Object> second = TestData.candidate(TestData.unique("A"), sponsor, null, "1", "PHASE_1");
        second.put("acceptanceNumbers", List.of(number));
        given().contentType(ContentType.JSON).body(second).post("/api/v1/candidates").then().statusCode(409)
                .body("detail", containsString(id));
        second.put("acceptanceNumbers", List.of("CXSS25"));
        given().contentType(ContentType.JSON).body(second).post("/api/v1/candidates").then().statusCode(400)
                .body("errors[0].field", containsString("acceptanceNumbers"));
        // The database holds the rule too, whatever writes the row.
        second.put("acceptanceNumbers", List.of());
        String other = TestData.create("/api/v1/candidates", second);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> TestData.execute(
                "update candidate set acceptance_numbers = array[?] where id = ?::uuid", number, other));
    }

    @Test
    void aMilestoneKnownToTheMonthOrBetweenTwoDaysKeepsItsBounds() {
        String id = TestData.newCandidate(TestData.newOrganization("CN-HB", null), null, "1", "PHASE_3");
        String month = TestData.create(CANDIDATES + "/" + id + "/milestones", Map.of("phase", "NDA_SUBMITTED",
                "reachedOn", "2025-09-01", "datePrecision", "MONTH"));
        given().get(CANDIDATES + "/" + id + "/milestones/" + month).then().statusCode(200)
                .body("datePrecision", equalTo("MONTH"))
                .body("latestReachedOn", equalTo("2025-09-30"));
        String range = TestData.create(CANDIDATES + "/" + id + "/milestones", Map.of("phase", "APPROVED",
                "reachedOn", "2025-10-01", "datePrecision", "RANGE", "latestReachedOn", "2025-11-26"));
        given().get(CANDIDATES + "/" + id + "/milestones/" + range).then().statusCode(200)
                .body("latestReachedOn", equalTo("2025-11-26"));
        given().contentType(ContentType.JSON).body(Map.of("phase", "APPROVED", "reachedOn", "2025-10-15",
                "datePrecision", "MONTH")).post(CANDIDATES + "/" + id + "/milestones").then().statusCode(400)
                .body("errors.field", hasItem("reachedOn"));
        given().contentType(ContentType.JSON).body(Map.of("phase", "APPROVED", "reachedOn", "2025-10-15",
                "datePrecision", "RANGE")).post(CANDIDATES + "/" + id + "/milestones").then().statusCode(400)
                .body("errors.field", hasItem("latestReachedOn"));
        // The candidate's own starting milestone, known to the day.
        given().get(CANDIDATES + "/" + id + "/milestones").then().statusCode(200)
                .body("find { it.phase == 'PHASE_3' }.datePrecision", equalTo("DAY"));
    }
}
