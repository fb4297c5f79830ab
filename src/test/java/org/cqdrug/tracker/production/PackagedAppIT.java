package org.cqdrug.tracker.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * The packaged jar in the prod profile, configured only by environment variables as docker/compose.yaml configures
 * it: health, request ids, JSON logs, the bootstrap admin key and the dashboard.
 */
@Tag(Lanes.PACKAGED)
@QuarkusIntegrationTest
@WithTestResource(ItDatabase.class)
class PackagedAppIT {

    /** Failsafe passes it as TRACKER_BOOTSTRAP_ADMIN_KEY (pom.xml), as compose passes its own. */
    static final String ADMIN_KEY = "packaged-app-admin-key";

    @Test
    void livenessAndReadinessIncludingTheDatabaseAndItsMigrationsAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database migrations"))
                .body("checks.find { it.name == 'Database migrations' }.data.pending", equalTo(0));
    }

    @Test
    void theBootstrapKeyFromTheEnvironmentWritesAndTheProdProfileHasNoDemoData() {
        // No demo row: the demo data is for dev mode and the tests only.
        given().get("/api/v1/targets/01900000-0000-7000-8000-000000000601").then().statusCode(404);
        String code = "it-" + System.nanoTime();
        given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Packaged cluster", "regionCode", "CN-CQ"))
                .post("/api/v1/clusters").then().statusCode(201);
        given().queryParam("regionCode", "CN-CQ").get("/api/v1/clusters").then().statusCode(200)
                .body("items.code", hasItem(code));
        given().get("/").then().statusCode(200).contentType(ContentType.HTML);
    }

    @Test
    void everyAnswerCarriesARequestIdThatProblemsAndTheJsonAccessLogRepeat() throws Exception {
        given().get("/api/v1/clusters").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        String id = "it-trace-" + System.nanoTime();
        given().header("X-Request-Id", id).get("/api/v1/clusters/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").header("X-Request-Id", equalTo(id))
                .body("requestId", equalTo(id));
        // An id that is not a plain token is replaced rather than echoed into headers and logs.
        given().header("X-Request-Id", "a b<script>").get("/api/v1/clusters").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));

        Path log = Path.of("target", "quarkus.log");
        String line = Awaitility.await("an access line with request id " + id + " in " + log)
                .atMost(Duration.ofSeconds(10)).until(() -> accessLine(log, id), Optional::isPresent).orElseThrow();
        // JSON: one object per line, the access line's message naming the request.
        assertTrue(line.startsWith("{") && line.contains("\"message\"") && line.contains("/api/v1/clusters/not-a-uuid"),
                line);
    }

    private static Optional<String> accessLine(Path log, String id) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(id) && l.contains("request-id=")).findFirst();
        }
    }

    @Test
    void metricsCarryThePipelineGauges() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("tracker_pipeline_candidates{category=\"TCM\",phase=\"PHASE_1\"}"), metrics);
    }
}
