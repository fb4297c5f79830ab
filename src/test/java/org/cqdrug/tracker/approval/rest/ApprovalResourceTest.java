package org.cqdrug.tracker.approval.rest;

import static io.restassured.RestAssured.given;
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
class ApprovalResourceTest {

    private static final String APPROVALS = "/api/v1/approvals";

    @Test
    void recordingAnApprovalMovesTheCandidateToApprovedAndSnapshotsItsClass() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        String number = TestData.unique("国药准字S2024");
        String id = TestData.create(APPROVALS, TestData.approval(candidate, null, "2024-08-20", number));

        given().get(APPROVALS + "/" + id).then().statusCode(200)
                .body("authority", equalTo("NMPA"))
                .body("registrationClass", equalTo("1"))
                .body("category", equalTo("THERAPEUTIC_BIOLOGIC"))
                .body("approvalNumber", equalTo(number))
                .body("indication", equalTo("Plaque psoriasis"));
        given().get("/api/v1/candidates/" + candidate).then().body("phase", equalTo("APPROVED"));
        given().get("/api/v1/candidates/" + candidate + "/milestones").then()
                .body("$", hasSize(2))
                .body("[1].phase", equalTo("APPROVED"))
                .body("[1].reachedOn", equalTo("2024-08-20"))
                .body("[1].approvalId", equalTo(id));
    }

    @Test
    void theSnapshotDoesNotFollowLaterChangesToTheCandidate() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        Map<String, Object> body = TestData.candidate(TestData.unique("S"), sponsor, null, "1", "NDA_SUBMITTED");
        String candidate = TestData.create("/api/v1/candidates", body);
        String id = TestData.create(APPROVALS, TestData.approval(candidate, "NMPA", "2025-01-01", TestData.unique("N")));
        body.put("registrationClass", "2.2");
        body.put("phase", "APPROVED");
        given().contentType(ContentType.JSON).body(body).put("/api/v1/candidates/" + candidate).then().statusCode(200);
        given().get(APPROVALS + "/" + id).then().body("registrationClass", equalTo("1"));
    }

    @Test
    void changingTheDateMovesTheApprovalMilestoneAndDeletingRestoresTheEarlierPhase() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "PHASE_3");
        TestData.create("/api/v1/candidates/" + candidate + "/milestones", Map.of("phase", "NDA_SUBMITTED", "reachedOn", "2024-02-01"));
        Map<String, Object> approval = TestData.approval(candidate, "NMPA", "2025-06-30", TestData.unique("N"));
        String id = TestData.create(APPROVALS, approval);

        approval.put("approvedOn", "2025-07-01");
        given().contentType(ContentType.JSON).body(approval).put(APPROVALS + "/" + id)
                .then().statusCode(200).body("approvedOn", equalTo("2025-07-01"));
        given().get("/api/v1/candidates/" + candidate + "/milestones").then()
                .body("$", hasSize(3)).body("[2].reachedOn", equalTo("2025-07-01"));

        String approvalMilestone = given().get("/api/v1/candidates/" + candidate + "/milestones").then()
                .extract().path("[2].id");
        given().delete("/api/v1/candidates/" + candidate + "/milestones/" + approvalMilestone)
                .then().statusCode(409).body("detail", containsString(id));

        given().delete(APPROVALS + "/" + id).then().statusCode(204);
        given().get("/api/v1/candidates/" + candidate).then().body("phase", equalTo("NDA_SUBMITTED"));
        given().get("/api/v1/candidates/" + candidate + "/milestones").then().body("$", hasSize(2));
    }

    @Test
    void anApprovalDatedBeforeTheLatestMilestoneStillMakesTheCandidateApproved() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        TestData.create("/api/v1/candidates/" + candidate + "/milestones",
                Map.of("phase", "PHASE_3", "reachedOn", "2025-09-01", "note", "new indication", "regression", true));
        TestData.create(APPROVALS, TestData.approval(candidate, "NMPA", "2025-03-03", TestData.unique("N")));
        given().get("/api/v1/candidates/" + candidate).then().body("phase", equalTo("APPROVED"));
        TestData.create("/api/v1/candidates/" + candidate + "/milestones",
                Map.of("phase", "DISCONTINUED", "reachedOn", "2026-01-01", "note", "withdrawn"));
        given().get("/api/v1/candidates/" + candidate).then().body("phase", equalTo("DISCONTINUED"));
    }

    @Test
    void approvalNumberIsUniquePerAuthority() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        String number = TestData.unique("N");
        TestData.create(APPROVALS, TestData.approval(candidate, "NMPA", "2025-01-01", number));
        given().contentType(ContentType.JSON).body(TestData.approval(candidate, "NMPA", "2025-02-01", number))
                .post(APPROVALS).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(number));
        TestData.create(APPROVALS, TestData.approval(candidate, "FDA", "2025-03-01", number));
        given().get("/api/v1/candidates/" + candidate + "/milestones").then().body("$", hasSize(3));
    }

    @Test
    void approvalForAMissingCandidateAnswers422AndWritesNothing() {
        String number = TestData.unique("N");
        given().contentType(ContentType.JSON)
                .body(TestData.approval("0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f", "NMPA", "2025-01-01", number))
                .post(APPROVALS).then().statusCode(422)
                .body("errors.field", hasItem("candidateId"));
        org.junit.jupiter.api.Assertions.assertEquals(0,
                TestData.count("select count(*) from approval where approval_number = ?", number));
    }

    @Test
    void unknownAuthorityAndBadDateAnswer400() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        given().contentType(ContentType.JSON).body(TestData.approval(candidate, "CFDA", "2025-01-01", "X"))
                .post(APPROVALS).then().statusCode(400).body("errors.field", hasItem("authority"));
        given().contentType(ContentType.JSON).body(TestData.approval(candidate, "NMPA", "2025-13-45", "X"))
                .post(APPROVALS).then().statusCode(400).body("errors.field", hasItem("approvedOn"));
        given().get("/api/v1/candidates/" + candidate).then().body("phase", equalTo("NDA_SUBMITTED"));
    }

    @Test
    void aSourceThatIsNotAWebAddressAnswers400AndWritesNothing() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        for (String field : List.of("sourceUrl", "reportSourceUrl")) {
            for (String address : List.of("javascript:alert(1)", "www.nmpa.gov.cn", "https://example.org/a b")) {
                String number = TestData.unique("W");
                Map<String, Object> body = TestData.approval(candidate, "NMPA", "2025-01-01", number);
                body.put(field, address);
                given().contentType(ContentType.JSON).body(body).post(APPROVALS).then().statusCode(400)
                        .body("errors.field", hasItem(field));
                org.junit.jupiter.api.Assertions.assertEquals(0,
                        TestData.count("select count(*) from approval where approval_number = ?", number));
            }
        }
        Map<String, Object> body = TestData.approval(candidate, "NMPA", "2025-01-01", TestData.unique("W"));
        body.put("sourceUrl", "HTTPS://www.nmpa.gov.cn/yaopin/ypjgdt/index.html");
        TestData.create(APPROVALS, body);
    }

    @Test
    void movingAnApprovalToAnotherCandidateTakesThatCandidatesClassCategoryAndIndication() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String first = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        Map<String, Object> other = TestData.candidate(TestData.unique("B"), sponsor, null, "2.2", "NDA_SUBMITTED");
        other.put("category", "CHEMICAL");
        other.put("modality", "SMALL_MOLECULE");
        other.put("indication", "Gout");
        String second = TestData.create("/api/v1/candidates", other);
        Map<String, Object> body = TestData.approval(first, "NMPA", "2025-02-02", TestData.unique("N"));
        String id = TestData.create(APPROVALS, body);
        given().get(APPROVALS + "/" + id).then().body("registrationClass", equalTo("1"))
                .body("category", equalTo("THERAPEUTIC_BIOLOGIC")).body("indication", equalTo("Plaque psoriasis"));

        body.put("candidateId", second);
        given().contentType(ContentType.JSON).body(body).put(APPROVALS + "/" + id).then().statusCode(200)
                .body("candidateId", equalTo(second))
                .body("registrationClass", equalTo("2.2"))
                .body("category", equalTo("CHEMICAL"))
                .body("indication", equalTo("Gout"));
        given().queryParam("class1Only", true).queryParam("candidateId", second).get(APPROVALS).then()
                .body("items", hasSize(0));

        // The same candidate again: a snapshot does not follow later edits of its candidate.
        other.put("indication", "Hyperuricaemia");
        other.put("phase", "APPROVED");
        given().contentType(ContentType.JSON).body(other).put("/api/v1/candidates/" + second).then().statusCode(200);
        body.put("approvalNumber", TestData.unique("N"));
        given().contentType(ContentType.JSON).body(body).put(APPROVALS + "/" + id).then().statusCode(200)
                .body("indication", equalTo("Gout"));
    }

    @Test
    void anApprovalNumberIsLeftOutUntilKnownAndTwoWithoutOneDoNotCollide() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        for (int i = 0; i < 2; i++) {
            String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
            String id = TestData.create("/api/v1/approvals", TestData.approval(candidate, "NMPA", "2024-03-03", null));
            given().get("/api/v1/approvals/" + id).then().statusCode(200)
                    .body("approvalNumber", org.hamcrest.Matchers.nullValue())
                    .body("latestApprovedOn", equalTo("2024-03-03"));
            given().get("/api/v1/candidates/" + candidate + "/milestones").then().statusCode(200)
                    .body("find { it.phase == 'APPROVED' }.approvalId", equalTo(id));
        }
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        given().contentType(ContentType.JSON).body(TestData.approval(candidate, "NMPA", "2024-03-03", ""))
                .post("/api/v1/approvals").then().statusCode(400).body("errors.field", hasItem("approvalNumber"));
    }

    @Test
    void aDateKnownToTheMonthOrBetweenTwoDaysKeepsItsBoundsAndSoDoesItsMilestone() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        Map<String, Object> month = TestData.approval(candidate, "NMPA", "2024-02-01", TestData.unique("N"));
        month.put("datePrecision", "MONTH");
        String id = TestData.create("/api/v1/approvals", month);
        given().get("/api/v1/approvals/" + id).then().body("latestApprovedOn", equalTo("2024-02-29"));
        given().get("/api/v1/candidates/" + candidate + "/milestones").then().statusCode(200)
                .body("find { it.approvalId == '" + id + "' }.datePrecision", equalTo("MONTH"))
                .body("find { it.approvalId == '" + id + "' }.latestReachedOn", equalTo("2024-02-29"));

        String other = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        Map<String, Object> range = TestData.approval(other, "NMPA", "2024-07-30", TestData.unique("N"));
        range.put("datePrecision", "RANGE");
        range.put("latestApprovedOn", "2025-11-26");
        String ranged = TestData.create("/api/v1/approvals", range);
        given().get("/api/v1/approvals/" + ranged).then().body("datePrecision", equalTo("RANGE"))
                .body("latestApprovedOn", equalTo("2025-11-26"));

        // A merge patch sends back the latest day it read: at a precision other than RANGE it is derived again.
        given().contentType("application/merge-patch+json").body(Map.of("approvedOn", "2024-03-01"))
                .patch("/api/v1/approvals/" + id).then().statusCode(200)
                .body("latestApprovedOn", equalTo("2024-03-31"));
        given().contentType("application/merge-patch+json").body(Map.of("datePrecision", "DAY", "approvedOn", "2024-03-09"))
                .patch("/api/v1/approvals/" + id).then().statusCode(200)
                .body("latestApprovedOn", equalTo("2024-03-09"));
    }

    @Test
    void boundsThatDisagreeWithTheirPrecisionAnswer400AndWriteNothing() {
        String candidate = TestData.newCandidate(TestData.newOrganization("CN-HB", null), null, "1", "NDA_SUBMITTED");
        long before = TestData.count("select count(*) from approval where candidate_id = cast(? as uuid)", candidate);
        Map<String, Object> body = TestData.approval(candidate, "NMPA", "2024-02-15", TestData.unique("N"));
        body.put("datePrecision", "MONTH");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/approvals").then().statusCode(400)
                .body("errors.field", hasItem("approvedOn"));
        body.put("approvedOn", "2024-02-01");
        body.put("datePrecision", "RANGE");
        body.remove("latestApprovedOn");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/approvals").then().statusCode(400)
                .body("errors.field", hasItem("latestApprovedOn"));
        body.put("latestApprovedOn", "2024-01-15");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/approvals").then().statusCode(400)
                .body("errors.field", hasItem("latestApprovedOn"));
        body.put("datePrecision", "YEAR");
        body.put("approvedOn", "2024-01-01");
        body.remove("latestApprovedOn");
        TestData.create("/api/v1/approvals", body);
        org.junit.jupiter.api.Assertions.assertEquals(before + 1,
                TestData.count("select count(*) from approval where candidate_id = cast(? as uuid)", candidate));
    }
}
