package org.cqdrug.tracker.indicator.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class TargetMetricsTest {

    private static final String DEMO_TARGET = "01900000-0000-7000-8000-000000000601";

    /**
     * Every year the indicator endpoint reports for the demo target appears on /q/metrics with the
     * same actual count and bounds, and every forecast year with its probability.
     */
    @Test
    void prometheusGaugesMatchTheIndicatorsPerTargetAndYear() {
        List<Map<String, Object>> items = given().queryParam("targetId", DEMO_TARGET).get("/api/v1/indicators")
                .then().statusCode(200).extract().jsonPath().getList("items");
        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String code = (String) items.get(0).get("targetCode");
        for (Map<String, Object> item : items) {
            String labels = "{target=\"" + code + "\",year=\"" + item.get("year") + "\"} ";
            assertTrue(scraped.contains("tracker_target_approvals" + labels + ((Number) item.get("actual")).doubleValue()), labels);
            assertTrue(scraped.contains("tracker_target_annual_min" + labels + ((Number) item.get("annualMin")).doubleValue()), labels);
            assertTrue(scraped.contains("tracker_target_annual_max" + labels + ((Number) item.get("annualMax")).doubleValue()), labels);
            if (item.get("forecast") != null) {
                assertTrue(scraped.contains("tracker_target_probability_meeting_min" + labels), labels);
            }
        }
    }

    /** A target created between two scrapes is on the second one, with nothing run in between. */
    @Test
    void aNewTargetShowsOnTheNextScrape() {
        given().get("/q/metrics").then().statusCode(200);
        String code = TestData.unique("scrape");
        TestData.create("/api/v1/targets", TestData.target(code, "CN-HB", null, 2026, 2027));
        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("tracker_target_annual_min{target=\"" + code + "\",year=\"2026\"} 1.0"), scraped);
    }
}
