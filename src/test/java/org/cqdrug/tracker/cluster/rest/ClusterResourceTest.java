package org.cqdrug.tracker.cluster.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
class ClusterResourceTest {

    private static final String CLUSTERS = "/api/v1/clusters";

    @Test
    void createAnswers201WithLocationAndTheStoredCluster() {
        String code = TestData.unique("bio");
        String location = given().contentType(ContentType.JSON).body(TestData.cluster(code))
                .when().post(CLUSTERS)
                .then().statusCode(201)
                .header("Location", containsString(CLUSTERS + "/"))
                .body("code", equalTo(code))
                .body("nameZh", equalTo("测试园区"))
                .body("focusAreas", hasItems("biologics", "生物药"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("code", equalTo(code))
                .body("regionCode", equalTo("CN-HB"));
    }

    @Test
    void replaceChangesFieldsAndBumpsVersion() {
        String id = TestData.newCluster();
        Map<String, Object> body = TestData.cluster(TestData.unique("renamed"));
        body.put("name", "Renamed");
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body)
                .when().put(CLUSTERS + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("version", equalTo(1));
    }

    @Test
    void aStaleVersionInTheBodyAnswers412AndChangesNothing() {
        String id = TestData.newCluster();
        Map<String, Object> body = TestData.cluster(TestData.unique("x"));
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body).put(CLUSTERS + "/" + id).then().statusCode(200);
        body.put("name", "Lost update");
        given().contentType(ContentType.JSON).body(body)
                .when().put(CLUSTERS + "/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cqdrug:problem:stale-version"));
        given().get(CLUSTERS + "/" + id).then().body("name", equalTo("Test cluster " + body.get("code")));
    }

    @Test
    void duplicateCodeAnswers409Problem() {
        String code = TestData.unique("dup");
        TestData.create(CLUSTERS, TestData.cluster(code));
        given().contentType(ContentType.JSON).body(TestData.cluster(code))
                .when().post(CLUSTERS)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("title", notNullValue())
                .body("detail", containsString(code))
                .body("instance", equalTo(CLUSTERS));
    }

    @Test
    void missingAndInvalidFieldsAnswer400WithFieldErrors() {
        given().contentType(ContentType.JSON).body(Map.of("code", "Not A Slug", "regionCode", "Chongqing"))
                .when().post(CLUSTERS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cqdrug:problem:validation"))
                .body("errors.field", hasItems("code", "name", "regionCode"));
    }

    @Test
    void deleteRemovesTheClusterAndASecondDeleteAnswers404() {
        String id = TestData.newCluster();
        given().when().delete(CLUSTERS + "/" + id).then().statusCode(204);
        given().when().get(CLUSTERS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(id));
        given().when().delete(CLUSTERS + "/" + id).then().statusCode(404);
    }

    @Test
    void deletingAClusterWithOrganizationsAnswers409AndKeepsIt() {
        String id = TestData.newCluster();
        TestData.newOrganization("CN-HB", id);
        given().when().delete(CLUSTERS + "/" + id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("organization"));
        given().when().get(CLUSTERS + "/" + id).then().statusCode(200);
    }

    @Test
    void listPagesThroughEveryClusterOnceEvenWhenRowsAreAddedBetweenPages() {
        String first = TestData.newCluster();
        String cursor = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        int pages = 0;
        do {
            var page = given().queryParam("limit", 2).queryParam("cursor", cursor)
                    .when().get(CLUSTERS)
                    .then().statusCode(200)
                    .extract().jsonPath();
            for (String id : page.<String>getList("items.id")) {
                org.junit.jupiter.api.Assertions.assertTrue(seen.add(id), "repeated " + id);
            }
            if (pages++ == 0) {
                TestData.newCluster();
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(TestData.count("select count(*) from cluster"), seen.size());
        org.junit.jupiter.api.Assertions.assertTrue(seen.contains(first));
    }

    @Test
    void lastPageHasNullNextCursor() {
        TestData.newCluster();
        given().queryParam("limit", 2).when().get(CLUSTERS).then().statusCode(200)
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        String region = "CN-" + TestData.unique("R").substring(2, 5).toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> body = TestData.cluster(TestData.unique("c"));
        body.put("regionCode", region);
        TestData.create(CLUSTERS, body);
        given().queryParam("regionCode", region).queryParam("limit", 500).when().get(CLUSTERS)
                .then().statusCode(200)
                .body("nextCursor", nullValue())
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void limitOutsideOneTo500Answers400() {
        given().queryParam("limit", 501).when().get(CLUSTERS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        given().queryParam("limit", 0).when().get(CLUSTERS).then().statusCode(400);
    }

    @Test
    void forgedCursorAnswers400() {
        given().queryParam("cursor", "not-a-cursor").when().get(CLUSTERS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("cursor"));
    }

}
