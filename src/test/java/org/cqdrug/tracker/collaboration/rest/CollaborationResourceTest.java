package org.cqdrug.tracker.collaboration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.cqdrug.tracker.testsupport.TestData;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class CollaborationResourceTest {

    @Inject
    SessionFactory sessionFactory;

    private static final String COLLABORATIONS = "/api/v1/collaborations";

    @Test
    void recordReadReplaceAndDeleteKeepsTheOrderOfOrganizations() {
        String cluster = TestData.newCluster();
        String source = TestData.newOrganization("CN-HB", cluster);
        String receiver = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> body = TestData.collaboration("TECH_TRANSFER", List.of(source, receiver), cluster, "2026-03-18");
        String id = TestData.create(COLLABORATIONS, body);
        given().get(COLLABORATIONS + "/" + id).then().statusCode(200)
                .body("type", equalTo("TECH_TRANSFER"))
                .body("organizationIds", contains(source, receiver))
                .body("valueCny", equalTo(1250000.5f))
                .body("clusterId", equalTo(cluster));

        body.put("type", "LICENSING");
        body.put("organizationIds", List.of(receiver, source));
        given().contentType(ContentType.JSON).body(body).put(COLLABORATIONS + "/" + id).then().statusCode(200)
                .body("type", equalTo("LICENSING"))
                .body("organizationIds", contains(receiver, source));

        given().delete("/api/v1/organizations/" + source).then().statusCode(409);
        given().delete(COLLABORATIONS + "/" + id).then().statusCode(204);
        given().delete("/api/v1/organizations/" + source).then().statusCode(204);
    }

    @Test
    void fewerThanTwoOrDuplicateOrganizationsAnswer400() {
        String org = TestData.newOrganization("CN-HB", null);
        given().contentType(ContentType.JSON).body(TestData.collaboration("JOINT_RD", List.of(org), null, "2026-01-01"))
                .post(COLLABORATIONS).then().statusCode(400).body("errors.field", hasItem("organizationIds"));
        given().contentType(ContentType.JSON).body(TestData.collaboration("JOINT_RD", List.of(org, org), null, "2026-01-01"))
                .post(COLLABORATIONS).then().statusCode(400).body("errors.field", hasItem("organizationIds"));
    }

    @Test
    void missingOrganizationAnswers422AndNegativeValue400() {
        String org = TestData.newOrganization("CN-HB", null);
        given().contentType(ContentType.JSON)
                .body(TestData.collaboration("JOINT_RD", List.of(org, "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f"), null, "2026-01-01"))
                .post(COLLABORATIONS).then().statusCode(422).body("errors.field", hasItem("organizationIds[1]"));
        Map<String, Object> negative = TestData.collaboration("JOINT_RD", List.of(org, TestData.newOrganization("CN-HB", null)), null, "2026-01-01");
        negative.put("valueCny", -5);
        given().contentType(ContentType.JSON).body(negative)
                .post(COLLABORATIONS).then().statusCode(400).body("errors.field", hasItem("valueCny"));
    }

    @Test
    void aPageOfCollaborationsLoadsTheirOrganizationsInOneQuery() {
        String cluster = TestData.newCluster();
        List<String> parties = List.of(TestData.newOrganization("CN-HB", cluster), TestData.newOrganization("CN-HB", cluster));
        for (int i = 0; i < 20; i++) {
            TestData.create(COLLABORATIONS, TestData.collaboration("JOINT_RD", parties, cluster, "2026-02-02"));
        }
        Statistics statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        given().queryParam("clusterId", cluster).queryParam("limit", 20).get(COLLABORATIONS).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(20))
                .body("items.organizationIds", org.hamcrest.Matchers.everyItem(equalTo(parties)));
        // One statement for the page, one for every row's parties.
        assertEquals(2, statistics.getPrepareStatementCount() - before);
    }
}
