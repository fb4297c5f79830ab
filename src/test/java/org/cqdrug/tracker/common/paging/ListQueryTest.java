package org.cqdrug.tracker.common.paging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Filters, sorting and keyset paging of the list endpoints, each test inside a cluster of its own. */
@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class ListQueryTest {

    private static String candidate(String sponsor, String cluster, String code, String name, String nameZh,
            String registrationClass, String phase, String area, List<String> designations) {
        Map<String, Object> body = TestData.candidate(code, sponsor, cluster, registrationClass, phase);
        body.put("name", name);
        body.put("nameZh", nameZh);
        body.put("therapeuticArea", area);
        body.put("designations", designations);
        return TestData.create("/api/v1/candidates", body);
    }

    @Test
    void everyCandidateFilterNarrowsTheList() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String elsewhere = TestData.newOrganization("CN-SC", cluster);
        String a = candidate(sponsor, cluster, TestData.unique("A"), "alphamab", "阿尔法单抗", "1", "PHASE_1", "Oncology", List.of("PRIORITY_REVIEW"));
        String b = candidate(sponsor, cluster, TestData.unique("B"), "betanib", "贝塔替尼", "2.2", "PHASE_3", "Cardiology", List.of());
        String c = candidate(elsewhere, cluster, TestData.unique("C"), "gammacept", "伽马西普", "1.1", "PHASE_1", "Oncology", List.of("BREAKTHROUGH_THERAPY"));
        Map<String, Object> chemical = TestData.candidate(TestData.unique("D"), sponsor, cluster, "1", "PHASE_2");
        chemical.put("category", "CHEMICAL");
        chemical.put("modality", "SMALL_MOLECULE");
        String d = TestData.create("/api/v1/candidates", chemical);

        assertEquals(Set.of(a, b, c, d), ids(Map.of("clusterId", cluster)));
        assertEquals(Set.of(a, c), ids(Map.of("clusterId", cluster, "phase", "PHASE_1")));
        assertEquals(Set.of(b), ids(Map.of("clusterId", cluster, "registrationClass", "2.2")));
        assertEquals(Set.of(a, b, d), ids(Map.of("clusterId", cluster, "sponsorId", sponsor)));
        assertEquals(Set.of(c), ids(Map.of("clusterId", cluster, "regionCode", "CN-SC")));
        assertEquals(Set.of(a, c), ids(Map.of("clusterId", cluster, "therapeuticArea", "Oncology")));
        assertEquals(Set.of(c), ids(Map.of("clusterId", cluster, "designation", "BREAKTHROUGH_THERAPY")));
        assertEquals(Set.of(a, b, c), ids(Map.of("clusterId", cluster, "category", "THERAPEUTIC_BIOLOGIC")));
        assertEquals(Set.of(d), ids(Map.of("clusterId", cluster, "category", "CHEMICAL")));
        assertEquals(Set.of(b), ids(Map.of("clusterId", cluster, "q", "BETA")));
        assertEquals(Set.of(a), ids(Map.of("clusterId", cluster, "q", "尔法")));
        assertEquals(Set.of(), ids(Map.of("clusterId", cluster, "q", "100%")));
    }

    @Test
    void approvalFiltersNarrowTheList() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String first = approval(sponsor, cluster, "1", "NMPA", "2024-12-31");
        String second = approval(sponsor, cluster, "2.2", "NMPA", "2025-01-01");
        String third = approval(sponsor, cluster, "1.1", "FDA", "2025-06-01");
        String elsewhere = TestData.newOrganization("CN-SC", cluster);
        Map<String, Object> tcm = TestData.candidate(TestData.unique("TCM"), elsewhere, cluster, "1.1", "NDA_SUBMITTED");
        tcm.put("category", "TCM");
        tcm.put("modality", "TCM_FORMULA");
        String fourth = TestData.create("/api/v1/approvals", TestData.approval(
                TestData.create("/api/v1/candidates", tcm), "NMPA", "2023-03-03", TestData.unique("N")));
        String path = "/api/v1/approvals";
        assertEquals(Set.of(first, second, third, fourth), ids(path, Map.of("clusterId", cluster)));
        assertEquals(Set.of(second, third), ids(path, Map.of("clusterId", cluster, "year", "2025")));
        assertEquals(Set.of(first, second, fourth), ids(path, Map.of("clusterId", cluster, "approvedTo", "2025-01-01")));
        assertEquals(Set.of(third), ids(path, Map.of("clusterId", cluster, "approvedFrom", "2025-01-02")));
        assertEquals(Set.of(third), ids(path, Map.of("clusterId", cluster, "authority", "FDA")));
        assertEquals(Set.of(first, third, fourth), ids(path, Map.of("clusterId", cluster, "class1Only", "true")));
        assertEquals(Set.of(first, second, third, fourth), ids(path, Map.of("clusterId", cluster, "class1Only", "false")));
        assertEquals(Set.of(first, second, third), ids(path, Map.of("clusterId", cluster, "regionCode", "CN-HB")));
        assertEquals(Set.of(first, second, third), ids(path, Map.of("clusterId", cluster, "category", "THERAPEUTIC_BIOLOGIC")));
        assertEquals(Set.of(fourth), ids(path, Map.of("clusterId", cluster, "category", "TCM")));
        assertEquals(Set.of(fourth), ids(path, Map.of("candidateId", given().get("/api/v1/approvals/" + fourth)
                .then().extract().path("candidateId"))));
    }

    @Test
    void organizationAndClusterFiltersNarrowTheList() {
        String cluster = TestData.newCluster();
        String company = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> university = TestData.organization(TestData.unique("Uni"), "CN-SC", cluster);
        university.put("kind", "UNIVERSITY");
        String uni = TestData.create("/api/v1/organizations", university);
        assertEquals(Set.of(company, uni), ids("/api/v1/organizations", Map.of("clusterId", cluster)));
        assertEquals(Set.of(uni), ids("/api/v1/organizations", Map.of("clusterId", cluster, "kind", "UNIVERSITY")));
        assertEquals(Set.of(company), ids("/api/v1/organizations", Map.of("clusterId", cluster, "regionCode", "CN-HB")));
        given().queryParam("regionCode", "CN-CQ").queryParam("limit", 500).get("/api/v1/clusters").then().statusCode(200)
                .body("items.regionCode", everyItem(equalTo("CN-CQ")))
                .body("items.code", hasItem("chongqing-international-bio-city"));
    }

    @Test
    void unknownFilterAndMalformedValuesAnswer400() {
        given().queryParam("phse", "PHASE_1").get("/api/v1/candidates").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'phse' is not a parameter"));
        given().queryParam("phase", "PHASE_9").get("/api/v1/candidates").then().statusCode(400)
                .body("detail", containsString("is 'PHASE_9', which is not one of"));
        given().queryParam("year", "twenty").get("/api/v1/approvals").then().statusCode(400);
        given().queryParam("approvedFrom", "2025-02-30").get("/api/v1/approvals").then().statusCode(400);
        given().queryParam("sort", "-color").get("/api/v1/candidates").then().statusCode(400)
                .body("detail", containsString("sortable fields are"));
        given().queryParam("regionCode", "Chongqing").get("/api/v1/organizations").then().statusCode(400);
    }

    @Test
    void sortingByNameDescendingThenCodePagesInOrderWithoutRepeats() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        List<String> names = List.of("delta", "alpha", "charlie", "alpha", "bravo", "echo", "alpha");
        for (String name : names) {
            candidate(sponsor, cluster, TestData.unique("S"), name, null, "1", "PHASE_1", null, List.of());
        }
        List<String> seenNames = new ArrayList<>();
        List<String> seenIds = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("clusterId", cluster).queryParam("sort", "-name,code")
                    .queryParam("limit", 2).queryParam("cursor", cursor)
                    .get("/api/v1/candidates").then().statusCode(200).extract().jsonPath();
            seenNames.addAll(page.getList("items.name"));
            seenIds.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("echo", "delta", "charlie", "bravo", "alpha", "alpha", "alpha"), seenNames);
        assertEquals(7, new HashSet<>(seenIds).size());
    }

    @Test
    void rowsInsertedBetweenPagesAreNeitherSkippedNorRepeated() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            before.add(TestData.newCandidate(sponsor, cluster, "1", "PHASE_1"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = given().queryParam("clusterId", cluster).queryParam("sort", "-createdAt")
                    .queryParam("limit", 2).queryParam("cursor", cursor)
                    .get("/api/v1/candidates").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            if (pages++ < 2) {
                TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
            }
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a row was repeated");
        assertTrue(seen.containsAll(before), "a row present from the start was skipped");
    }

    @Test
    void aCursorOnlyServesTheSortItWasIssuedFor() {
        String cursor = given().queryParam("sort", "code").queryParam("limit", 1).get("/api/v1/candidates")
                .then().statusCode(200).extract().path("nextCursor");
        given().queryParam("sort", "name").queryParam("cursor", cursor).get("/api/v1/candidates")
                .then().statusCode(400).body("detail", containsString("was issued for sort 'code'"));
    }

    static String approval(String sponsor, String cluster, String registrationClass, String authority, String on) {
        String candidate = TestData.newCandidate(sponsor, cluster, registrationClass, "NDA_SUBMITTED");
        return TestData.create("/api/v1/approvals", TestData.approval(candidate, authority, on, TestData.unique("N")));
    }

    private static Set<String> ids(Map<String, String> query) {
        return ids("/api/v1/candidates", query);
    }

    private static Set<String> ids(String path, Map<String, String> query) {
        return new HashSet<>(given().queryParams(query).queryParam("limit", 500).get(path)
                .then().statusCode(200).extract().jsonPath().getList("items.id"));
    }
}
