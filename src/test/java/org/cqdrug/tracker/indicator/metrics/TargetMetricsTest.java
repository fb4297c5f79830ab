package org.cqdrug.tracker.indicator.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TargetMetricsTest {

    private static final String DEMO_TARGET = "01900000-0000-7000-8000-000000000601";

    /**
     * Every year the indicator endpoint reports for the demo target appears on /q/metrics with the same actual count
     * and bounds, and every forecast with its probability (gauges refresh every second under test).
     */
    @Test
    void prometheusGaugesMatchTheIndicatorsPerTargetAndYear() throws InterruptedException {
        List<Map<String, Object>> items = given().queryParam("targetId", DEMO_TARGET).get("/api/v1/indicators")
                .then().statusCode(200).extract().jsonPath().getList("items");
        String code = (String) items.get(0).get("targetCode");
        String metrics = "";
        for (int i = 0; i < 50 && !allPresent(metrics, code, items); i++) {
            Thread.sleep(200);
            metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        }
        assertTrue(allPresent(metrics, code, items), metrics);
    }

    private static boolean allPresent(String metrics, String code, List<Map<String, Object>> items) {
        for (Map<String, Object> item : items) {
            String labels = "{target=\"" + code + "\",year=\"" + item.get("year") + "\"} ";
            if (!metrics.contains("tracker_target_approvals" + labels + ((Number) item.get("actual")).doubleValue())
                    || !metrics.contains("tracker_target_annual_min" + labels + ((Number) item.get("annualMin")).doubleValue())
                    || !metrics.contains("tracker_target_annual_max" + labels + ((Number) item.get("annualMax")).doubleValue())) {
                return false;
            }
            if (item.get("forecast") != null && !metrics.contains("tracker_target_probability_meeting_min" + labels)) {
                return false;
            }
        }
        return true;
    }
}
