package org.cqdrug.tracker.common.paging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class FacetTest {

    private static Map<Object, Integer> facets(String path, String field, String cluster) {
        List<Map<String, Object>> rows = given().queryParam("field", field).queryParam("clusterId", cluster).get(path)
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<Object, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.put(row.get("value"), ((Number) row.get("count")).intValue()));
        return counts;
    }

    /** Counts each value by listing the rows with that filter, the direct way. */
    private static int direct(String path, String cluster, String filter, String value) {
        return given().queryParam("clusterId", cluster).queryParam(filter, value).queryParam("limit", 500).get(path)
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void candidateFacetsAgreeWithFilteredCounts() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
        TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
        TestData.newCandidate(sponsor, cluster, "2.2", "PHASE_3");
        Map<Object, Integer> byPhase = facets("/api/v1/candidates/facets", "phase", cluster);
        assertEquals(Map.of("PHASE_1", 2, "PHASE_3", 1), byPhase);
        byPhase.forEach((phase, count) ->
                assertEquals(direct("/api/v1/candidates", cluster, "phase", (String) phase), count));
        Map<Object, Integer> byClass = facets("/api/v1/candidates/facets", "registrationClass", cluster);
        byClass.forEach((value, count) ->
                assertEquals(direct("/api/v1/candidates", cluster, "registrationClass", (String) value), count));
        assertEquals(Map.of(sponsor, 3), facets("/api/v1/candidates/facets", "sponsorId", cluster));
        assertEquals(Map.of(cluster, 3), facets("/api/v1/candidates/facets", "clusterId", cluster));
    }

    @Test
    void approvalFacetsAgreeWithFilteredCounts() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        ListQueryTest.approval(sponsor, cluster, "1", "NMPA", "2024-03-03");
        ListQueryTest.approval(sponsor, cluster, "1", "NMPA", "2025-03-03");
        ListQueryTest.approval(sponsor, cluster, "1", "FDA", "2025-04-04");
        Map<Object, Integer> byYear = facets("/api/v1/approvals/facets", "year", cluster);
        assertEquals(Map.of(2024, 1, 2025, 2), byYear);
        byYear.forEach((year, count) ->
                assertEquals(direct("/api/v1/approvals", cluster, "year", year.toString()), count));
        Map<Object, Integer> byAuthority = facets("/api/v1/approvals/facets", "authority", cluster);
        assertEquals(Map.of("NMPA", 2, "FDA", 1), byAuthority);
    }

    @Test
    void unknownFacetFieldAnswers400() {
        given().queryParam("field", "color").get("/api/v1/candidates/facets").then().statusCode(400)
                .body("detail", containsString("facet fields are phase"));
        given().get("/api/v1/approvals/facets").then().statusCode(400);
    }

    @Test
    void facetsAnswerAtMostLimitValuesFiftyByDefault() {
        String cluster = TestData.newCluster();
        for (int i = 0; i < 52; i++) {
            TestData.newCandidate(TestData.newOrganization("CN-HB", cluster), cluster, "1", "PHASE_1");
        }
        String extra = TestData.newOrganization("CN-HB", cluster);
        TestData.newCandidate(extra, cluster, "1", "PHASE_1");
        TestData.newCandidate(extra, cluster, "1", "PHASE_1");
        given().queryParam("field", "sponsorId").queryParam("clusterId", cluster).get("/api/v1/candidates/facets")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(50))
                .body("[0].value", org.hamcrest.Matchers.equalTo(extra)).body("[0].count", org.hamcrest.Matchers.equalTo(2));
        given().queryParam("field", "sponsorId").queryParam("clusterId", cluster).queryParam("limit", 3)
                .get("/api/v1/candidates/facets").then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(3));
        given().queryParam("field", "year").queryParam("limit", 0).get("/api/v1/approvals/facets")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("limit"));
    }
}
