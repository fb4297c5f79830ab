package org.cqdrug.tracker.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.cqdrug.tracker.apikey.rest.ApiKeyResourceTest;
import org.cqdrug.tracker.spreadsheet.Format;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Small limits: 5 requests a minute without a key, 30 with one, an export counting 10. */
@Tag(Lanes.DATABASE)
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.rate-limit.anonymous-per-minute", "5",
                    "tracker.rate-limit.per-key-per-minute", "30",
                    "tracker.rate-limit.bulk-cost", "10");
        }
    }

    @Test
    void anEmptyBucketAnswers429WithRetryAfterPerAddressAndPerKey() {
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/clusters").then().statusCode(200);
        }
        given().get("/api/v1/clusters").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("type", equalTo("urn:cqdrug:problem:rate-limited"));
        given().get("/q/health/live").then().statusCode(200);

        // A key has a bucket of its own, and an export in any form, however asked for, takes more of it than a read.
        String key = ApiKeyResourceTest.key("VIEWER");
        ApiKeyResourceTest.as(key).accept("text/csv").get("/api/v1/clusters").then().statusCode(200);
        ApiKeyResourceTest.as(key).accept(Format.XLSX_TYPE).get("/api/v1/clusters").then().statusCode(200);
        ApiKeyResourceTest.as(key).queryParam("format", "xlsx").get("/api/v1/clusters").then().statusCode(200);
        ApiKeyResourceTest.as(key).queryParam("format", "csv").get("/api/v1/clusters").then().statusCode(429)
                .header("Retry-After", notNullValue());
    }

    @Test
    void aCsvImportCostsWhatAnExportDoes() {
        String key = ApiKeyResourceTest.key("EDITOR");
        for (int i = 0; i < 3; i++) {
            int status = ApiKeyResourceTest.as(key).contentType("text/csv").queryParam("dryRun", "true")
                    .body("code,name\n").post("/api/v1/candidates/import").statusCode();
            assertNotEquals(429, status, "import " + (i + 1) + " of 3 in a bucket of 30 at 10 each");
        }
        ApiKeyResourceTest.as(key).contentType("text/csv").queryParam("dryRun", "true").body("code,name\n")
                .post("/api/v1/candidates/import").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void concurrentRequestsAgainstOneBucketSpendExactlyItsTokens() throws Exception {
        String key = ApiKeyResourceTest.key("VIEWER");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                answers.add(clients.submit(() -> ApiKeyResourceTest.as(key).get("/api/v1/clusters").statusCode()));
            }
            int served = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                served += status == 200 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertEquals(30, served, "requests served from a bucket of 30");
            assertEquals(30, refused, "requests refused once it was empty");
        } finally {
            clients.shutdownNow();
        }
    }
}
