package org.cqdrug.tracker.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

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
class StatisticsResourceTest {

    private static void approved(String sponsor, String cluster, String registrationClass, String authority, String on) {
        String candidate = TestData.newCandidate(sponsor, cluster, registrationClass, "NDA_SUBMITTED");
        TestData.create("/api/v1/approvals", TestData.approval(candidate, authority, on, TestData.unique("N")));
    }

    @Test
    void yearlyCountsEveryYearWithZerosAndSplitsClassOneAndCategories() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        approved(sponsor, cluster, "1", "NMPA", "2022-12-31");
        approved(sponsor, cluster, "1.1", "NMPA", "2024-01-01");
        approved(sponsor, cluster, "2.2", "NMPA", "2024-06-06");
        approved(sponsor, cluster, "1", "FDA", "2024-07-07");

        given().queryParam("from", 2022).queryParam("to", 2024).queryParam("clusterId", cluster)
                .get("/api/v1/approvals/yearly").then().statusCode(200)
                .body("items.year", contains(2022, 2023, 2024))
                .body("items.total", contains(1, 0, 3))
                .body("items.class1", contains(1, 0, 2))
                .body("items[2].byCategory.THERAPEUTIC_BIOLOGIC", equalTo(3))
                .body("items[2].byCategory.CHEMICAL", equalTo(0))
                .body("items[2].class1ByCategory.THERAPEUTIC_BIOLOGIC", equalTo(2));

        given().queryParam("from", 2024).queryParam("to", 2024).queryParam("clusterId", cluster)
                .queryParam("authority", "NMPA")
                .get("/api/v1/approvals/yearly").then().statusCode(200)
                .body("items.total", contains(2))
                .body("items.class1", contains(1));

        given().queryParam("from", 2024).queryParam("to", 2024).queryParam("clusterId", cluster)
                .queryParam("regionCode", "CN-SC")
                .get("/api/v1/approvals/yearly").then().statusCode(200)
                .body("items.total", contains(0));
    }

    @Test
    void yearlyRejectsReversedRangesAndUnknownAuthorities() {
        given().queryParam("from", 2025).queryParam("to", 2020).get("/api/v1/approvals/yearly")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("authority", "CFDA").get("/api/v1/approvals/yearly")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("is 'CFDA', which is not one of NMPA"));
    }

    @Test
    void pipelineFunnelCountsEveryPhaseAndCategory() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
        TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
        TestData.newCandidate(sponsor, cluster, "2.2", "PHASE_3");
        given().queryParam("clusterId", cluster).get("/api/v1/pipeline").then().statusCode(200)
                .body("total", equalTo(3))
                .body("byPhase", hasSize(8))
                .body("byPhase.find { it.phase == 'PHASE_1' }.count", equalTo(2))
                .body("byPhase.find { it.phase == 'PHASE_3' }.count", equalTo(1))
                .body("byPhase.find { it.phase == 'APPROVED' }.count", equalTo(0))
                .body("byCategory.find { it.category == 'THERAPEUTIC_BIOLOGIC' }.count", equalTo(3))
                .body("byPhaseAndCategory", hasSize(32));
    }

    @Test
    void scorecardSumsTheClustersYearAndToDate() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String partner = TestData.newOrganization("CN-HB", null);
        approved(sponsor, cluster, "1", "NMPA", "2024-03-03");
        approved(sponsor, cluster, "2.2", "NMPA", "2025-04-04");
        approved(sponsor, cluster, "1", "NMPA", "2026-01-01");
        TestData.newCandidate(sponsor, cluster, "1", "PHASE_2");
        TestData.create("/api/v1/collaborations", TestData.collaboration("JOINT_RD", List.of(sponsor, partner), cluster, "2025-05-05"));
        TestData.create("/api/v1/collaborations", TestData.collaboration("TECH_TRANSFER", List.of(partner, sponsor), cluster, "2024-05-05"));

        given().queryParam("year", 2025).get("/api/v1/clusters/" + cluster + "/scorecard").then().statusCode(200)
                .body("clusterId", equalTo(cluster))
                .body("year", equalTo(2025))
                .body("candidatesByPhase.find { it.phase == 'APPROVED' }.count", equalTo(3))
                .body("candidatesByPhase.find { it.phase == 'PHASE_2' }.count", equalTo(1))
                .body("approvalsInYear.all", equalTo(1))
                .body("approvalsInYear.class1", equalTo(0))
                .body("approvalsToDate.all", equalTo(2))
                .body("approvalsToDate.class1", equalTo(1))
                .body("collaborationsInYear.find { it.type == 'JOINT_RD' }.count", equalTo(1))
                .body("collaborationsInYear.find { it.type == 'TECH_TRANSFER' }.count", equalTo(0))
                .body("collaborationsToDate.find { it.type == 'TECH_TRANSFER' }.count", equalTo(1));
        given().get("/api/v1/clusters/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f/scorecard").then().statusCode(404);
    }
}
