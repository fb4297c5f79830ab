package org.cqdrug.tracker.approval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The errors an analyst keeping the record makes, caught: one drug recorded twice, evidence claimed without its
 * source; and what the analyst needs to find and follow the record: search in Chinese, a history of what changed.
 * Rows live in CN-QH (Qinghai), which no other test uses.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class AnalystRecordTest {

    private static final String APPROVALS = "/api/v1/approvals";
    private static final String OFFICIAL = "https://www.nmpa.gov.cn/yaopin/ypjgdt/notice.html";

    @Test
    void aDrugCountsOnceAndALaterApprovalIsListedButNeverCounted() {
        String sponsor = TestData.newOrganization("CN-QH", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        String first = TestData.create(APPROVALS, TestData.approval(candidate, "NMPA", "2013-03-01", TestData.unique("S")));

        // Recording the same drug again as a first approval is refused, naming the first.
        given().contentType(ContentType.JSON).body(TestData.approval(candidate, "NMPA", "2013-06-01", TestData.unique("S")))
                .post(APPROVALS).then().statusCode(409).body("detail", containsString(first))
                .body("detail", containsString("NEW_INDICATION"));
        // Marked as what it is, it is recorded, listed, and writes no second APPROVED entry into the history.
        Map<String, Object> second = TestData.approval(candidate, "NMPA", "2013-06-01", TestData.unique("S"));
        second.put("kind", "NEW_INDICATION");
        String later = TestData.create(APPROVALS, second);
        given().queryParam("candidateId", candidate).get(APPROVALS).then().statusCode(200)
                .body("items.id", hasItems(first, later));
        given().queryParam("candidateId", candidate).queryParam("kind", "NEW_INDICATION").get(APPROVALS).then()
                .body("items.id", equalTo(List.of(later)));
        given().get("/api/v1/candidates/" + candidate + "/milestones").then()
                .body("findAll { it.phase == 'APPROVED' }.approvalId", equalTo(List.of(first)));
        // A later approval cannot become a second first one.
        given().contentType("application/merge-patch+json").body(Map.of("kind", "NEW_DRUG"))
                .patch(APPROVALS + "/" + later).then().statusCode(409);

        // The first approval is the earliest, and it goes only after the later ones.
        Map<String, Object> before = TestData.approval(candidate, "NMPA", "2013-01-01", TestData.unique("S"));
        before.put("kind", "SUPPLEMENT");
        given().contentType(ContentType.JSON).body(before).post(APPROVALS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("approvedOn"))).body("detail", containsString(first));
        given().delete(APPROVALS + "/" + first).then().statusCode(409).body("detail", containsString("later"));
        // A CSV import refuses two first approvals of one drug in one file, on the column to fix.
        String other = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        given().contentType("text/csv; charset=UTF-8").queryParam("dryRun", true)
                .body("candidateId,approvedOn,evidence,sourceUrl\n" + other + ",2013-04-04,CONFIRMED," + OFFICIAL + "\n"
                        + other + ",2013-05-05,CONFIRMED," + OFFICIAL + "\n")
                .post(APPROVALS + "/import").then().statusCode(422)
                .body("errors.field", equalTo(List.of("kind"))).body("errors.line", equalTo(List.of(3)));
        given().contentType("text/csv; charset=UTF-8").queryParam("dryRun", true)
                .body("candidateId,approvedOn,evidence,sourceUrl\n" + candidate + ",2013-04-04,CONFIRMED," + OFFICIAL + "\n")
                .post(APPROVALS + "/import").then().statusCode(422).body("errors.field", equalTo(List.of("kind")));

        // Targets and statistics count the drug once.
        String code = TestData.unique("qh");
        TestData.create("/api/v1/targets", TestData.target(code, "CN-QH", null, 2013, 2013));
        given().queryParam("targetId", code).queryParam("asOf", "2014-06-30").queryParam("include", "approvals")
                .get("/api/v1/indicators").then()
                .statusCode(200).body("items[0].actual", equalTo(1))
                .body("items[0].approvals.id", equalTo(List.of(first)));
        given().queryParam("regionCode", "CN-QH").queryParam("from", 2013).queryParam("to", 2013)
                .get("/api/v1/approvals/yearly").then().statusCode(200).body("items[0].class1", equalTo(1));
    }

    @Test
    void confirmedNeedsItsOfficialSourceAndEvidenceIsNeverAssumed() {
        String sponsor = TestData.newOrganization("CN-QH", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        Map<String, Object> noSource = TestData.approval(candidate, "NMPA", "2014-03-01", null);
        noSource.remove("sourceUrl");
        given().contentType(ContentType.JSON).body(noSource).post(APPROVALS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("sourceUrl")))
                .body("errors[0].message", containsString("official"));
        Map<String, Object> press = TestData.approval(candidate, "NMPA", "2014-03-01", null);
        press.put("sourceUrl", "https://www.yicai.com/news/102898653.html");
        given().contentType(ContentType.JSON).body(press).post(APPROVALS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("sourceUrl")))
                .body("errors[0].message", containsString("reportSourceUrl"));
        // Left out, evidence is not CONFIRMED: stated for an official source, REPORTED for a report alone.
        Map<String, Object> unstated = TestData.approval(candidate, "NMPA", "2014-03-01", null);
        unstated.remove("evidence");
        given().contentType(ContentType.JSON).body(unstated).post(APPROVALS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("evidence")));
        Map<String, Object> reported = TestData.approval(candidate, "NMPA", "2014-03-01", null);
        reported.remove("evidence");
        reported.remove("sourceUrl");
        reported.put("reportSourceUrl", "https://www.yicai.com/news/102898653.html");
        String id = TestData.create(APPROVALS, reported);
        given().get(APPROVALS + "/" + id).then().body("evidence", equalTo("REPORTED"));
        // The analyst's loop: the official source arrives, and the approval is confirmed with it.
        given().contentType("application/merge-patch+json").body(Map.of("evidence", "CONFIRMED"))
                .patch(APPROVALS + "/" + id).then().statusCode(400).body("errors.field", equalTo(List.of("sourceUrl")));
        given().contentType("application/merge-patch+json").body(Map.of("evidence", "CONFIRMED", "sourceUrl", OFFICIAL))
                .patch(APPROVALS + "/" + id).then().statusCode(200).body("evidence", equalTo("CONFIRMED"))
                .body("reportSourceUrl", equalTo("https://www.yicai.com/news/102898653.html"));
        // A CSV dry run holds the same rule.
        String other = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        given().contentType("text/csv; charset=UTF-8").queryParam("dryRun", true)
                .body("candidateId,approvedOn,evidence,reportSourceUrl\n" + other
                        + ",2014-05-05,CONFIRMED,https://www.yicai.com/news/102898653.html\n")
                .post(APPROVALS + "/import").then().statusCode(422).body("errors.field", hasItem("sourceUrl"));
    }

    @Test
    void theDemoAndTheContractClaimNoEvidenceTheirSourcesDoNotGive() {
        // Every confirmed approval of the demo names an official source; xeligekimab's is not recorded yet.
        given().queryParam("evidence", "CONFIRMED").queryParam("limit", 500).get(APPROVALS).then().statusCode(200)
                .body("items.sourceUrl", everyItem(containsString(".gov.cn")));
        given().get(APPROVALS + "/01900000-0000-7000-8000-000000000401").then().body("evidence", equalTo("REPORTED"));
        JsonPath contract = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> input = contract.getMap("components.schemas.ApprovalInput.properties");
        // The example body is a correct confirmed entry: CONFIRMED with an official address.
        assertEquals(List.of("CONFIRMED"), ((Map<?, ?>) input.get("evidence")).get("examples"));
        assertTrue(String.valueOf(((Map<?, ?>) input.get("sourceUrl")).get("examples")).contains("nmpa.gov.cn"));
    }

    @Test
    void searchFindsDrugsCompaniesAndApprovalsByTheirChineseNames() {
        given().queryParam("q", "普基奥仑赛").get("/api/v1/candidates").then().statusCode(200)
                .body("items.code", hasItem("pCAR-19B"));
        given().queryParam("q", "普利得凯").get("/api/v1/candidates").then().body("items.code", hasItem("pCAR-19B"));
        given().queryParam("q", "银屑病").get("/api/v1/candidates").then().body("items.code", hasItem("GR1501"));
        given().queryParam("q", "重庆精准生物").get("/api/v1/organizations").then().statusCode(200)
                .body("items.nameZh", equalTo(List.of("重庆精准生物")));
        given().queryParam("q", "普基奥仑赛").get(APPROVALS).then().statusCode(200)
                .body("items.id", equalTo(List.of("01900000-0000-7000-8000-000000000403")));
        given().queryParam("q", "智翔金泰").get(APPROVALS).then()
                .body("items.id", hasItems("01900000-0000-7000-8000-000000000401", "01900000-0000-7000-8000-000000000402"));
        // An acceptance number is found by any part of it; LIKE's wildcards are only text.
        String sponsor = TestData.newOrganization("CN-QH", null);
        Map<String, Object> body = TestData.candidate(TestData.unique("Q"), sponsor, null, "1", "NDA_SUBMITTED");
        body.put("acceptanceNumbers", List.of("CXSS2300045"));
        body.put("indicationZh", "斑秃");
        String id = TestData.create("/api/v1/candidates", body);
        given().queryParam("q", "2300045").get("/api/v1/candidates").then().body("items.id", hasItem(id));
        given().queryParam("q", "斑秃").get("/api/v1/candidates").then().body("items.id", equalTo(List.of(id)));
        given().queryParam("q", "%").get("/api/v1/organizations").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aOneFieldEditRecordsOneFieldAndOneChange() {
        String sponsor = TestData.newOrganization("CN-QH", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        String id = TestData.create(APPROVALS, TestData.approval(candidate, "NMPA", "2015-03-01", TestData.unique("S")));
        long before = given().get("/api/v1/changes?since=0&limit=1").then().extract().jsonPath().getLong("latestRevision");
        given().contentType("application/merge-patch+json").body(Map.of("sourceUrl", OFFICIAL))
                .patch(APPROVALS + "/" + id).then().statusCode(200);
        List<List<String>> changed = given().get(APPROVALS + "/" + id + "/history").then().extract().jsonPath()
                .getList("changedFields");
        assertEquals(List.of("sourceUrl"), changed.get(changed.size() - 1));
        JsonPath changes = given().queryParam("since", before).get("/api/v1/changes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("approvals"), changes.getList("items.resource"));
        assertEquals(List.of("sourceUrl"), changes.getList("items[0].changedFields"));
        List<String> created = given().queryParam("since", before - 1).queryParam("resource", "approvals")
                .get("/api/v1/changes").then().statusCode(200).extract().jsonPath()
                .getList("items.find { it.operation == 'CREATED' }.changedFields");
        assertTrue(created == null || !created.contains("id"), String.valueOf(created));
        given().queryParam("since", before).queryParam("resource", "milestones").get("/api/v1/changes").then()
                .body("items", org.hamcrest.Matchers.empty());
        given().queryParam("since", 0).queryParam("resource", "approvals,published-counts").queryParam("limit", 500)
                .get("/api/v1/changes").then().statusCode(200)
                .body("items.resource", everyItem(org.hamcrest.Matchers.oneOf("approvals", "published-counts")));
        given().queryParam("resource", "approval").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].message", containsString("published-counts"));

        // A demo row's first edit lists only what it changed, its seeded state being its first revision.
        String zhejiang = "/api/v1/published-counts/01900000-0000-7000-8000-000000000712";
        String note = given().get(zhejiang).then().extract().path("note");
        given().contentType("application/merge-patch+json").body(Map.of("note", note + " Checked."))
                .patch(zhejiang).then().statusCode(200);
        JsonPath history = given().get(zhejiang + "/history").then().statusCode(200).extract().jsonPath();
        List<List<String>> fields = history.getList("changedFields");
        assertEquals(List.of("note"), fields.get(fields.size() - 1));
        assertEquals("CREATED", history.getString("[0].operation"));
        assertEquals("demo-seed", history.getString("[0].author"));
        given().get(zhejiang).then().body("note", not(equalTo(note)));
    }
}
