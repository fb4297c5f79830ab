package org.cqdrug.tracker.common.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.cqdrug.tracker.apikey.rest.ApiKeyResourceTest;
import org.junit.jupiter.api.Test;

/** Small limits: 5 requests a minute without a key, 30 with one, an export counting 10. */
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

        // A key has a bucket of its own, and an export takes more of it than a read.
        String key = ApiKeyResourceTest.key("VIEWER");
        ApiKeyResourceTest.as(key).accept("text/csv").get("/api/v1/clusters").then().statusCode(200);
        ApiKeyResourceTest.as(key).accept("text/csv").get("/api/v1/clusters").then().statusCode(200);
        ApiKeyResourceTest.as(key).accept("text/csv").get("/api/v1/clusters").then().statusCode(200);
        ApiKeyResourceTest.as(key).accept("text/csv").get("/api/v1/clusters").then().statusCode(429)
                .header("Retry-After", notNullValue());
    }
}
