package org.cqdrug.tracker.published.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.ReadBeforeWrite;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class PublishedCountResourceTest {

    static final String COUNTS = "/api/v1/published-counts";

    /** A region's count over a period, as a source states it. */
    static Map<String, Object> count(String region, String from, String to, int value) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("metric", "CLASS1_APPROVALS");
        body.put("periodFrom", from);
        body.put("periodTo", to);
        body.put("value", value);
        body.put("evidence", "REPORTED");
        body.put("sourceUrl", "https://example.org/" + TestData.unique("report"));
        body.put("publishedOn", "2026-01-13");
        return body;
    }

    @Test
    void eachKindOfPeriodIsRecordedAsDatesAndListedByYear() {
        String source = "https://example.org/" + TestData.unique("yearbook");
        Map<String, Object> year = count("CN-SC", "2019-01-01", "2019-12-31", 7);
        year.put("sourceUrl", source);
        year.put("nationalShare", 0.15);
        year.put("note", "7 Class 1 drugs in 2019, \"占全国15%\"");
        String wholeYear = TestData.create(COUNTS, year);
        String months = TestData.create(COUNTS, count("CN-SC", "2019-01-01", "2019-07-31", 4));
        String years = TestData.create(COUNTS, count("CN-SC", "2014-01-01", "2019-12-31", 20));

        given().get(COUNTS + "/" + wholeYear).then().statusCode(200)
                .body("regionCode", equalTo("CN-SC"))
                .body("clusterId", nullValue())
                .body("periodFrom", equalTo("2019-01-01"))
                .body("periodTo", equalTo("2019-12-31"))
                .body("value", equalTo(7))
                .body("nationalShare", equalTo(0.15f))
                .body("evidence", equalTo("REPORTED"))
                .body("sourceUrl", equalTo(source));
        // year= lists the counts whose period lies within the year: the whole year and January–July, not 2014–2019.
        given().queryParam("regionCode", "CN-SC").queryParam("year", 2019).get(COUNTS).then().statusCode(200)
                .body("items.id", hasItems(wholeYear, months))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(years)));
        given().queryParam("regionCode", "CN-SC").queryParam("format", "csv").get(COUNTS).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(org.hamcrest.Matchers.containsString("periodFrom"));
    }

    @Test
    void aClusterCountAndTheNationsAreCountsToo() {
        String cluster = TestData.newCluster();
        Map<String, Object> body = count(null, "2019-01-01", "2019-12-31", 2);
        body.put("clusterId", cluster);
        String id = TestData.create(COUNTS, body);
        given().get(COUNTS + "/" + id).then().statusCode(200).body("clusterId", equalTo(cluster))
                .body("regionCode", nullValue());
        Map<String, Object> nation = count("CN", "2009-01-01", "2009-12-31", 30);
        nation.put("metric", "NMPA_INNOVATIVE_DRUGS");
        TestData.create(COUNTS, nation);
        // A cluster with a published count is referred to: it cannot be deleted from under it.
        given().delete("/api/v1/clusters/" + cluster).then().statusCode(409);
    }

    @Test
    void inconsistentCountsAnswer400WithEveryBrokenFieldAndChangeNothing() {
        long before = TestData.count("select count(*) from published_count");
        Map<String, Object> both = count("CN-SC", "2019-12-31", "2019-01-01", -1);
        both.put("clusterId", TestData.newCluster());
        both.put("nationalShare", 1.5);
        given().contentType(ContentType.JSON).body(both).post(COUNTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("regionCode", "periodTo", "value", "nationalShare"));
        Map<String, Object> neither = count(null, "2019-01-01", "2019-12-31", 1);
        neither.remove("evidence");
        given().contentType(ContentType.JSON).body(neither).post(COUNTS).then().statusCode(400)
                .body("errors.field", hasItems("regionCode", "evidence"));
        org.junit.jupiter.api.Assertions.assertEquals(before, TestData.count("select count(*) from published_count"));
    }

    @Test
    void theSameFigureFromTheSameSourceIsRecordedOnce() {
        Map<String, Object> body = count("CN-SC", "2018-01-01", "2018-12-31", 3);
        TestData.create(COUNTS, body);
        given().contentType(ContentType.JSON).body(body).post(COUNTS).then().statusCode(409)
                .contentType("application/problem+json");
        body.put("sourceUrl", "https://example.org/" + TestData.unique("another"));
        TestData.create(COUNTS, body);
    }

    @Test
    void changesNeedIfMatchAndLeaveHistory() {
        String id = TestData.create(COUNTS, count("CN-SC", "2017-01-01", "2017-12-31", 5));
        Map<String, Object> patch = Map.of("value", 6, "evidence", "CONFIRMED");
        given().contentType("application/merge-patch+json").header(ReadBeforeWrite.UNCONDITIONAL, "true").body(patch)
                .patch(COUNTS + "/" + id).then().statusCode(428);
        String etag = given().get(COUNTS + "/" + id).then().extract().header("ETag");
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(patch)
                .patch(COUNTS + "/" + id).then().statusCode(200).body("value", equalTo(6))
                .body("evidence", equalTo("CONFIRMED"));
        given().get(COUNTS + "/" + id + "/history").then().statusCode(200).body("", hasSize(2));
        String current = given().get(COUNTS + "/" + id).then().extract().header("ETag");
        given().header("If-Match", current).delete(COUNTS + "/" + id).then().statusCode(204);
        given().get(COUNTS + "/" + id).then().statusCode(404);
        given().get(COUNTS + "/" + id + "/history").then().statusCode(200).body("", hasSize(3));
    }
}
