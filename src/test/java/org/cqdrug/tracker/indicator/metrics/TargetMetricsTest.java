package org.cqdrug.tracker.indicator.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TargetMetricsTest {

    /** The demo target's series appear on /q/metrics once the first refresh has run (every second under test). */
    @Test
    void prometheusExposesActualBoundsAndProbabilityPerTargetAndYear() throws InterruptedException {
        String target = "target=\"cq-class1-approvals-2025-2027\"";
        String metrics = "";
        for (int i = 0; i < 50 && !metrics.contains("tracker_target_probability_meeting_min{" + target); i++) {
            Thread.sleep(200);
            metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        }
        assertTrue(metrics.contains("tracker_target_approvals{" + target + ",year=\"2025\"} 0.0"), metrics);
        assertTrue(metrics.contains("tracker_target_annual_min{" + target + ",year=\"2026\"} 1.0"), metrics);
        assertTrue(metrics.contains("tracker_target_annual_max{" + target + ",year=\"2027\"} 3.0"), metrics);
        assertTrue(metrics.contains("tracker_target_probability_meeting_min{" + target + ",year=\"2027\"}"), metrics);
    }
}
