package org.cqdrug.tracker.httpcache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class EntityTagsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aCurrentTagAnswers304WithNoBody() {
        String id = TestData.newCluster();
        String tag = given().get("/api/v1/clusters/" + id).then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", equalTo("no-cache"))
                .extract().header("ETag");
        given().header("If-None-Match", tag).get("/api/v1/clusters/" + id)
                .then().statusCode(304).body(emptyString()).header("ETag", equalTo(tag));
    }

    /** "*" matches any current representation, so a row that does not exist is still a 404. */
    @Test
    void ifNoneMatchAnyAnswers304ForARowThatExistsOnly() {
        String id = TestData.newCluster();
        given().header("If-None-Match", "*").get("/api/v1/clusters/" + id)
                .then().statusCode(304).body(emptyString()).header("Cache-Control", equalTo("no-cache"));
        given().header("If-None-Match", "*").get("/api/v1/clusters/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aWriteThroughTheApiChangesTheTag() {
        String id = TestData.newCluster();
        String tag = given().get("/api/v1/clusters").then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = TestData.cluster(TestData.unique("etag"));
        given().contentType(ContentType.JSON).body(body).put("/api/v1/clusters/" + id).then().statusCode(200);
        String after = given().header("If-None-Match", tag).get("/api/v1/clusters")
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, after);
    }

    /** Another instance writing to the same database is just another connection: the tag must change for it too. */
    @Test
    void aWriteFromAnotherConnectionChangesTheTag() throws Exception {
        String tag = given().get("/api/v1/targets").then().statusCode(200).extract().header("ETag");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update target set name = name where code = 'cq-class1-approvals-2025-2027'");
        }
        given().header("If-None-Match", tag).get("/api/v1/targets").then().statusCode(200);
    }

    @Test
    void tagsDifferByQueryAndMediaType() {
        String json = given().get("/api/v1/candidates").then().extract().header("ETag");
        String csv = given().accept("text/csv").get("/api/v1/candidates").then().statusCode(200).extract().header("ETag");
        String filtered = given().queryParam("phase", "PHASE_1").get("/api/v1/candidates").then().extract().header("ETag");
        assertNotEquals(json, csv);
        assertNotEquals(json, filtered);
    }

    @Test
    void corsAllowsTheConfiguredDashboardOriginOnly() {
        given().header("Origin", "https://dashboard.example.org")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/clusters")
                .then().header("Access-Control-Allow-Origin", equalTo("https://dashboard.example.org"));
        given().header("Origin", "https://elsewhere.example.com").get("/api/v1/clusters")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
