package org.cqdrug.tracker.common.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.cqdrug.tracker.apikey.rest.ApiKeyResourceTest;
import org.cqdrug.tracker.testsupport.TestData;
import org.cqdrug.tracker.web.MergePatch;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Every change is recorded with the key behind it, and a row's history outlives the row. */
@Tag(Lanes.DATABASE)
@QuarkusTest
class HistoryTest {

    @Test
    void aClustersHistoryNamesEachChangesKeyAndFieldsAndSurvivesItsDeletion() {
        String editorName = TestData.unique("alice");
        String adminName = TestData.unique("bob");
        String editor = ApiKeyResourceTest.key("EDITOR", editorName);
        String admin = ApiKeyResourceTest.key("ADMIN", adminName);
        Map<String, Object> body = TestData.cluster(TestData.unique("h"));
        String id = ApiKeyResourceTest.as(editor).body(body).post("/api/v1/clusters").then().statusCode(201)
                .extract().path("id");
        ApiKeyResourceTest.as(editor).contentType(MergePatch.MEDIA_TYPE).body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/clusters/" + id).then().statusCode(200);
        ApiKeyResourceTest.as(admin).delete("/api/v1/clusters/" + id).then().statusCode(204);

        ApiKeyResourceTest.as(admin).get("/api/v1/clusters/" + id).then().statusCode(404);
        ApiKeyResourceTest.as(admin).get("/api/v1/clusters/" + id + "/history").then().statusCode(200)
                .body("$", hasSize(3))
                .body("operation", contains("CREATED", "UPDATED", "DELETED"))
                .body("author", contains(editorName, editorName, adminName))
                .body("[0].changedFields", hasItems("code", "name", "regionCode", "focusAreas"))
                .body("[1].changedFields", contains("name"))
                .body("[1].state.name", equalTo("Renamed"))
                .body("[2].state.code", equalTo(body.get("code")));
        ApiKeyResourceTest.as(admin).get("/api/v1/clusters/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f/history")
                .then().statusCode(404);
    }
}
