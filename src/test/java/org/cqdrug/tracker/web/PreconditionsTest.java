package org.cqdrug.tracker.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.cqdrug.tracker.testsupport.ReadBeforeWrite;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** No lost updates: strong ETags on rows, If-Match required on every change, JSON Merge Patch under the same rules. */
@Tag(Lanes.DATABASE)
@QuarkusTest
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class PreconditionsTest {

    private static final String CLUSTERS = "/api/v1/clusters";

    @Test
    void aRowAnswersItsVersionAsAStrongETagAnd304ForIt() {
        String id = TestData.newCluster();
        String tag = given().get(CLUSTERS + "/" + id).then().statusCode(200).header("ETag", "\"0\"").extract().header("ETag");
        given().header("If-None-Match", tag).get(CLUSTERS + "/" + id).then().statusCode(304);
    }

    @Test
    void changesWithoutIfMatchAnswer428AndWithAStaleTag412AndWriteNothing() {
        String id = TestData.newCluster();
        Map<String, Object> body = TestData.cluster(TestData.unique("c"));
        for (String method : List.of("PUT", "DELETE")) {
            given().header(ReadBeforeWrite.UNCONDITIONAL, "true").contentType(ContentType.JSON).body(body)
                    .request(method, CLUSTERS + "/" + id).then().statusCode(428)
                    .contentType("application/problem+json").body("type", equalTo("urn:cqdrug:problem:precondition-required"));
            given().header("If-Match", "\"7\"").contentType(ContentType.JSON).body(body)
                    .request(method, CLUSTERS + "/" + id).then().statusCode(412)
                    .body("type", equalTo("urn:cqdrug:problem:stale-version"));
        }
        given().header(ReadBeforeWrite.UNCONDITIONAL, "true").contentType(MergePatch.MEDIA_TYPE).body("{\"name\": \"x\"}")
                .patch(CLUSTERS + "/" + id).then().statusCode(428);
        given().get(CLUSTERS + "/" + id).then().statusCode(200).header("ETag", "\"0\"");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body).put(CLUSTERS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        given().header("If-Match", "\"0\"").delete(CLUSTERS + "/" + id).then().statusCode(412);
        given().header("If-Match", "\"1\"").delete(CLUSTERS + "/" + id).then().statusCode(204);
    }

    @Test
    void ofTwelveParallelWritersHoldingOneTagExactlyOneWins() throws Exception {
        String id = TestData.newCluster();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Map<String, Object> body = TestData.cluster(TestData.unique("w" + i));
                writers.add(() -> given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                        .put(CLUSTERS + "/" + id).then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(writers)) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(11, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().get(CLUSTERS + "/" + id).then().body("version", equalTo(1));
    }

    @Test
    void aMergePatchChangesTheFieldsGivenClearsNullsAndKeepsEveryRule() {
        Map<String, Object> body = TestData.cluster(TestData.unique("p"));
        body.put("description", "to be cleared");
        String id = TestData.create(CLUSTERS, body);
        given().contentType(MergePatch.MEDIA_TYPE).body("{\"name\": \"Patched\", \"description\": null}")
                .patch(CLUSTERS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Patched")).body("description", nullValue())
                .body("code", equalTo(body.get("code"))).body("nameZh", equalTo("测试园区"));
        given().contentType(MergePatch.MEDIA_TYPE).body("{\"regionCode\": \"Chongqing\"}").patch(CLUSTERS + "/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
        given().contentType(MergePatch.MEDIA_TYPE).body("{\"colour\": \"red\"}").patch(CLUSTERS + "/" + id)
                .then().statusCode(400);
        given().contentType(MergePatch.MEDIA_TYPE).body("[1]").patch(CLUSTERS + "/" + id).then().statusCode(400);
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "PHASE_1");
        given().contentType(MergePatch.MEDIA_TYPE).body("{\"phase\": \"PHASE_3\"}").patch("/api/v1/candidates/" + candidate)
                .then().statusCode(422).body("errors[0].field", equalTo("phase"));
        given().get(CLUSTERS + "/" + id).then().body("version", equalTo(1));
    }
}
