package org.cqdrug.tracker.organization.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
class OrganizationResourceTest {

    private static final String ORGS = "/api/v1/organizations";

    @Test
    void createGetReplaceDeleteRoundTrip() {
        String cluster = TestData.newCluster();
        String id = TestData.create(ORGS, TestData.organization("Genrix test", "CN-HB", cluster));
        given().get(ORGS + "/" + id).then().statusCode(200)
                .body("kind", equalTo("COMPANY"))
                .body("clusterId", equalTo(cluster))
                .body("nameZh", equalTo("测试公司"));

        Map<String, Object> body = TestData.organization("Renamed university", "CN-SC", null);
        body.put("kind", "UNIVERSITY");
        given().contentType(ContentType.JSON).body(body).put(ORGS + "/" + id)
                .then().statusCode(200)
                .body("kind", equalTo("UNIVERSITY"))
                .body("regionCode", equalTo("CN-SC"))
                .body("clusterId", equalTo(null));

        given().delete(ORGS + "/" + id).then().statusCode(204);
        given().get(ORGS + "/" + id).then().statusCode(404);
    }

    @Test
    void missingClusterAnswers422AndCreatesNothing() {
        String name = TestData.unique("Ghost");
        given().contentType(ContentType.JSON)
                .body(TestData.organization(name, "CN-HB", "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f"))
                .when().post(ORGS)
                .then().statusCode(422)
                .body("errors.field", hasItem("clusterId"));
        org.junit.jupiter.api.Assertions.assertEquals(0, TestData.count("select count(*) from organization where name = ?", name));
    }

    @Test
    void deletingASponsorOfCandidatesAnswers409AndKeepsIt() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        TestData.newCandidate(sponsor, null, "1", "PHASE_1");
        given().delete(ORGS + "/" + sponsor).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("candidate"));
        given().get(ORGS + "/" + sponsor).then().statusCode(200);
    }
}
