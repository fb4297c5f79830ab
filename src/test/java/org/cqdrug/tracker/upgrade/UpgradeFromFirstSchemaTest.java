package org.cqdrug.tracker.upgrade;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Rows written at schema version 1 are there, whole and usable, after the service migrated them to today's. */
@Tag(Lanes.DATABASE)
@QuarkusTest
@TestProfile(FirstSchemaProfile.class)
class UpgradeFromFirstSchemaTest {

    @Test
    void everyRowOfTheFirstSchemaSurvivesTheMigrationsWithItsValuesAndSensibleNewFields() {
        given().get("/api/v1/clusters/" + FirstSchemaProfile.CLUSTER).then().statusCode(200)
                .body("code", equalTo("v1-bio-city")).body("nameZh", equalTo("V1 生物城"))
                .body("focusAreas", contains("biologics")).body("sourceUrl", equalTo("https://www.cq.gov.cn/zwgk/"))
                .body("createdAt", equalTo("2025-01-02T03:04:05Z"));
        given().get("/api/v1/organizations/" + FirstSchemaProfile.SPONSOR).then().statusCode(200)
                .body("name", equalTo("V1 Pharma")).body("clusterId", equalTo(FirstSchemaProfile.CLUSTER));
        given().get("/api/v1/candidates/" + FirstSchemaProfile.CANDIDATE).then().statusCode(200)
                .body("code", equalTo("V1-001")).body("phase", equalTo("APPROVED"))
                .body("designations", contains("PRIORITY_REVIEW")).body("version", equalTo(1));
        // Facts recorded before evidence levels existed count as confirmed (V10).
        given().get("/api/v1/approvals/" + FirstSchemaProfile.APPROVAL).then().statusCode(200)
                .body("approvalNumber", equalTo("S20250001")).body("approvedOn", equalTo("2025-03-04"))
                .body("evidence", equalTo("CONFIRMED")).body("datePrecision", equalTo("DAY"));
        given().get("/api/v1/candidates/" + FirstSchemaProfile.CANDIDATE + "/milestones").then().statusCode(200)
                .body("id", hasItem(FirstSchemaProfile.MILESTONE));
        // Targets from before target kinds are annual bands (V11), and count as they did.
        given().get("/api/v1/targets/" + FirstSchemaProfile.TARGET).then().statusCode(200)
                .body("kind", equalTo("ANNUAL")).body("annualMin", equalTo(1)).body("annualMax", equalTo(3))
                .body("name", equalTo("V1: one to three a year")).body("nameZh", nullValue());
        given().queryParam("targetId", FirstSchemaProfile.TARGET).queryParam("asOf", "2026-11-28")
                .get("/api/v1/indicators").then().statusCode(200)
                .body("items.find { it.year == 2025 }.actual", equalTo(1))
                .body("items.find { it.year == 2025 }.status", equalTo("MET"));
        // And the history of a row written before history began starts from it.
        given().get("/api/v1/targets/" + FirstSchemaProfile.TARGET + "/history").then().statusCode(200);
    }
}
