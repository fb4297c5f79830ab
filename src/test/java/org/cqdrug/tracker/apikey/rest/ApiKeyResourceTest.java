package org.cqdrug.tracker.apikey.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Keys and roles, with real keys: no test identity is installed here. */
@Tag(Lanes.DATABASE)
@QuarkusTest
public class ApiKeyResourceTest {

    private static final String KEYS = "/api/v1/api-keys";
    private static final String BOOTSTRAP = "test-admin-key";

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    /** Creates a key with the bootstrap admin key and answers its secret. */
    public static String key(String role) {
        return key(role, TestData.unique("holder"));
    }

    public static String key(String role, String name) {
        return as(BOOTSTRAP).body(Map.of("name", name, "role", role))
                .post(KEYS).then().statusCode(201).extract().path("key");
    }

    @Test
    void aForbiddenRequestNamesTheRoleItNeeds() {
        String cluster = as(BOOTSTRAP).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters").then()
                .statusCode(201).extract().path("id");
        as(key("EDITOR")).header("If-Match", "\"0\"").delete("/api/v1/clusters/" + cluster).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("needs a key with role ADMIN"));
        as(key("VIEWER")).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters").then().statusCode(403)
                .body("detail", containsString("role EDITOR"));
    }

    @Test
    void writesWithoutAKeyAnswer401WithAChallengeAndReadsArePublic() {
        given().contentType(ContentType.JSON).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:cqdrug:problem:unauthorized"));
        given().delete("/api/v1/clusters/0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f").then().statusCode(401);
        given().get("/api/v1/clusters").then().statusCode(200);
        given().get(KEYS).then().statusCode(401);
    }

    @Test
    void aBadKeyAnswers401EvenOnAPublicRead() {
        given().header("Authorization", "Bearer cqd_not-a-key").get("/api/v1/clusters").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/clusters").then().statusCode(401);
    }

    @Test
    void eachRoleMayDoWhatItsRoleAllowsAndGets403Otherwise() {
        String viewer = key("VIEWER");
        String editor = key("EDITOR");
        as(viewer).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:cqdrug:problem:forbidden"));
        String cluster = as(editor).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters")
                .then().statusCode(201).extract().path("id");
        as(editor).delete("/api/v1/clusters/" + cluster).then().statusCode(403);
        as(editor).body(TestData.target(TestData.unique("t"), "CN-HB", cluster, 2025, 2027)).post("/api/v1/targets")
                .then().statusCode(403);
        as(editor).get(KEYS).then().statusCode(403);
        as(viewer).get("/api/v1/clusters/" + cluster).then().statusCode(200);
        String admin = key("ADMIN");
        as(admin).delete("/api/v1/clusters/" + cluster).then().statusCode(204);
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsPrefixIsListed() {
        String name = TestData.unique("dashboard");
        var created = as(BOOTSTRAP).body(Map.of("name", name, "role", "EDITOR", "expiresAt", "2030-01-01T00:00:00Z"))
                .post(KEYS).then().statusCode(201).header("Location", notNullValue())
                .header("Cache-Control", "no-store").extract().jsonPath();
        String key = created.getString("key");
        String id = created.getString("apiKey.id");
        org.junit.jupiter.api.Assertions.assertTrue(key.startsWith("cqd_") && key.length() > 40, key);
        as(BOOTSTRAP).get(KEYS + "/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("keyPrefix", equalTo(key.substring(0, 8)))
                .body("$", not(hasKey("key"))).body("$", not(hasKey("keyHash"))).body("lastUsedAt", nullValue());
        as(BOOTSTRAP).queryParam("limit", 500).get(KEYS).then().statusCode(200)
                .body("items", everyItem(not(hasKey("key"))));
        org.junit.jupiter.api.Assertions.assertEquals(0,
                TestData.count("select count(*) from api_key where key_hash = ? or key_prefix = ?", key, key));

        as(key).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters").then().statusCode(201);
        as(BOOTSTRAP).get(KEYS + "/" + id).then().body("lastUsedAt", notNullValue());
        as(BOOTSTRAP).body(Map.of("name", name, "role", "VIEWER")).post(KEYS).then().statusCode(409);
    }

    @Test
    void revokedAndExpiredKeysStopWorking() {
        String name = TestData.unique("temp");
        var created = as(BOOTSTRAP).body(Map.of("name", name, "role", "EDITOR")).post(KEYS).then().statusCode(201)
                .extract().jsonPath();
        String key = created.getString("key");
        as(key).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters").then().statusCode(201);
        as(BOOTSTRAP).delete(KEYS + "/" + created.getString("apiKey.id")).then().statusCode(204);
        as(key).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters").then().statusCode(401);
        as(BOOTSTRAP).get(KEYS + "/" + created.getString("apiKey.id")).then().body("revokedAt", notNullValue());

        String expiring = key("EDITOR");
        TestData.execute("update api_key set expires_at = timestamptz '2020-01-01 00:00:00+00' where key_prefix = ?",
                expiring.substring(0, 8));
        as(expiring).body(TestData.cluster(TestData.unique("c"))).post("/api/v1/clusters").then().statusCode(401);
        as(BOOTSTRAP).body(Map.of("name", TestData.unique("past"), "role", "EDITOR", "expiresAt", "2020-01-01T00:00:00Z"))
                .post(KEYS).then().statusCode(400);
    }

    @Test
    void keysAreKeptPerHolderAndAKeysSecretIsNeverStoredForARetry() {
        String first = key("EDITOR");
        String second = key("EDITOR");
        String shared = java.util.UUID.randomUUID().toString();
        as(first).header("Idempotency-Key", shared).body(TestData.cluster(TestData.unique("one")))
                .post("/api/v1/clusters").then().statusCode(201);
        as(second).header("Idempotency-Key", shared).body(TestData.cluster(TestData.unique("two")))
                .post("/api/v1/clusters").then().statusCode(201);

        String retried = java.util.UUID.randomUUID().toString();
        as(BOOTSTRAP).header("Idempotency-Key", retried).body(Map.of("name", TestData.unique("k"), "role", "VIEWER"))
                .post(KEYS).then().statusCode(201);
        org.junit.jupiter.api.Assertions.assertEquals(0,
                TestData.count("select count(*) from idempotency_key where idempotency_key = ?", retried));
    }

    @Test
    void usingAKeyDoesNotChangeItsVersionAndServiceNamesAreReserved() {
        String name = TestData.unique("steady");
        String key = key("VIEWER", name);
        String id = as(BOOTSTRAP).queryParam("limit", 500).get(KEYS).then().extract().jsonPath()
                .getString("items.find { it.name == '" + name + "' }.id");
        as(key).get("/api/v1/clusters").then().statusCode(200);
        as(BOOTSTRAP).get(KEYS + "/" + id).then().body("version", equalTo(0)).body("lastUsedAt", notNullValue())
                .header("ETag", "\"0\"");
        for (String reserved : java.util.List.of("system", "history-baseline", "bootstrap-admin")) {
            as(BOOTSTRAP).body(Map.of("name", reserved, "role", "VIEWER")).post(KEYS).then().statusCode(400);
        }
    }
}
