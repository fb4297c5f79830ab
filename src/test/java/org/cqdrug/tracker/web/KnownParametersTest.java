package org.cqdrug.tracker.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Every endpoint refuses a query parameter it does not declare, those that address one row included. */
@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class KnownParametersTest {

    @Test
    void everyGetByIdRefusesAnUnknownParameter() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String candidate = TestData.newCandidate(sponsor, cluster, "1", "NDA_SUBMITTED");
        String milestone = given().get("/api/v1/candidates/" + candidate + "/milestones").then().extract().path("[0].id");
        String approval = TestData.create("/api/v1/approvals",
                TestData.approval(candidate, "NMPA", "2025-05-05", TestData.unique("N")));
        String target = TestData.create("/api/v1/targets", TestData.target(TestData.unique("t"), "CN-HB", cluster, 2025, 2027));
        String collaboration = TestData.create("/api/v1/collaborations", TestData.collaboration("JOINT_RD",
                List.of(sponsor, TestData.newOrganization("CN-HB", cluster)), cluster, "2025-01-01"));
        for (String path : List.of("/api/v1/clusters/" + cluster, "/api/v1/organizations/" + sponsor,
                "/api/v1/candidates/" + candidate, "/api/v1/candidates/" + candidate + "/milestones/" + milestone,
                "/api/v1/approvals/" + approval, "/api/v1/targets/" + target,
                "/api/v1/collaborations/" + collaboration, "/api/v1/candidates/" + candidate + "/milestones",
                "/api/v1/clusters/" + cluster + "/scorecard")) {
            given().get(path).then().statusCode(200);
            given().queryParam("foo", 1).get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("foo"))
                    .body("errors[0].message", containsString("is not a parameter of this endpoint"));
        }
    }

    @Test
    void aParameterGivenTwiceIsRefusedAndKnownOnesPass() {
        given().queryParam("regionCode", "CN-CQ").queryParam("limit", 5).get("/api/v1/clusters").then().statusCode(200);
        given().queryParam("from", 2024).get("/api/v1/approvals/yearly").then().statusCode(200);
        given().queryParam("limit", 5).queryParam("limit", 6).get("/api/v1/clusters").then().statusCode(400)
                .body("errors[0].message", containsString("given 2 times"));
        given().queryParam("dryRun", "true").queryParam("colour", "red").contentType("text/csv").body("code\n")
                .post("/api/v1/candidates/import").then().statusCode(400).body("errors[0].field", equalTo("colour"));
    }
}
