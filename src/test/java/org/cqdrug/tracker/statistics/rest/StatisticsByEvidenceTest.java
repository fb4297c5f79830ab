package org.cqdrug.tracker.statistics.rest;

import static io.restassured.RestAssured.given;
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
 * The dashboard's statistics count at an evidence level as targets do: confirmed facts by default, confirmed or
 * reported ones, or all. In one cluster, three Class 1 candidates each had a confirmed NDA in 2021 and were approved
 * in 2021: one confirmed, one reported, one unconfirmed.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class StatisticsByEvidenceTest {

    @Test
    void yearlyApprovalsThePipelineAndTheScorecardCountAtEachLevel() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-NX", cluster);
        for (String evidence : List.of("CONFIRMED", "REPORTED", "UNCONFIRMED")) {
            Map<String, Object> candidate = TestData.candidate(TestData.unique("E"), sponsor, cluster, "1",
                    "NDA_SUBMITTED");
            candidate.put("phaseReachedOn", "2021-01-10");
            String id = TestData.create("/api/v1/candidates", candidate);
            Map<String, Object> approval = TestData.approval(id, "NMPA", "2021-06-01", null);
            approval.put("evidence", evidence);
            TestData.create("/api/v1/approvals", approval);
        }

        assertEquals(List.of(1, 2, 3), List.of(class1("", cluster), class1("REPORTED", cluster),
                class1("UNCONFIRMED", cluster)));
        assertEquals(1, class1("CONFIRMED", cluster));

        // The pipeline: a reported or unconfirmed approval leaves its candidate where it was confirmed to be.
        assertEquals(Map.of("APPROVED", 1, "NDA_SUBMITTED", 2), phases(funnel("", cluster)));
        assertEquals(Map.of("APPROVED", 2, "NDA_SUBMITTED", 1), phases(funnel("REPORTED", cluster)));
        assertEquals(Map.of("APPROVED", 3), phases(funnel("UNCONFIRMED", cluster)));
        assertEquals("CONFIRMED", funnel("", cluster).getString("evidence"));

        JsonPath confirmed = given().queryParam("year", 2021).get("/api/v1/clusters/" + cluster + "/scorecard")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, confirmed.getInt("approvalsInYear.class1"));
        assertEquals(Map.of("APPROVED", 1, "NDA_SUBMITTED", 2), phases(confirmed.getList("candidatesByPhase")));
        JsonPath all = given().queryParam("year", 2021).queryParam("evidence", "UNCONFIRMED")
                .get("/api/v1/clusters/" + cluster + "/scorecard").then().statusCode(200).extract().jsonPath();
        assertEquals(3, all.getInt("approvalsInYear.class1"));
        assertEquals(3, all.getInt("approvalsToDate.all"));
        given().queryParam("evidence", "SURE").get("/api/v1/pipeline").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static int class1(String evidence, String cluster) {
        var request = given().queryParam("from", 2021).queryParam("to", 2021).queryParam("clusterId", cluster);
        if (!evidence.isEmpty()) {
            request.queryParam("evidence", evidence);
        }
        return request.get("/api/v1/approvals/yearly").then().statusCode(200).extract().path("items[0].class1");
    }

    private static JsonPath funnel(String evidence, String cluster) {
        var request = given().queryParam("clusterId", cluster);
        if (!evidence.isEmpty()) {
            request.queryParam("evidence", evidence);
        }
        return request.get("/api/v1/pipeline").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> phases(JsonPath funnel) {
        return phases(funnel.getList("byPhase"));
    }

    private static Map<String, Integer> phases(List<Map<String, Object>> byPhase) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Map<String, Object> phase : byPhase) {
            int count = ((Number) phase.get("count")).intValue();
            if (count > 0) {
                out.put((String) phase.get("phase"), count);
            }
        }
        return out;
    }
}
