package org.cqdrug.tracker.apikey.rest;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** With tracker.reads-require-key, reads need a VIEWER key like everything else needs its role. */
@Tag(Lanes.DATABASE)
@QuarkusTest
@TestProfile(ReadsRequireKeyTest.KeysForReads.class)
class ReadsRequireKeyTest {

    public static class KeysForReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.reads-require-key", "true");
        }
    }

    @Test
    void readsWithoutAKeyAnswer401AndWithAViewerKey200() {
        given().get("/api/v1/clusters").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/indicators").then().statusCode(401);
        ApiKeyResourceTest.as(ApiKeyResourceTest.key("VIEWER")).get("/api/v1/clusters").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
