package org.cqdrug.tracker.target.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class TargetResourceTest {

    private static final String TARGETS = "/api/v1/targets";

    @Test
    void createAndReplaceATarget() {
        Map<String, Object> body = TestData.target(TestData.unique("t"), "CN-HB", null, 2025, 2027);
        body.put("sourceTitle", "重庆市全链条支持创新药高质量发展若干措施");
        body.put("publishedOn", "2025-11-06");
        body.put("nameZh", "湖北：每年获批上市1类创新药1至3个");
        String id = TestData.create(TARGETS, body);
        given().get(TARGETS + "/" + id).then().statusCode(200)
                .body("nameZh", equalTo("湖北：每年获批上市1类创新药1至3个"))
                .body("authority", equalTo("NMPA"))
                .body("annualMax", equalTo(3))
                .body("cumulativeMin", nullValue())
                .body("sourceTitle", equalTo("重庆市全链条支持创新药高质量发展若干措施"));
        body.put("annualMax", null);
        body.put("cumulativeMin", 5);
        body.remove("nameZh");
        given().contentType(ContentType.JSON).body(body).put(TARGETS + "/" + id).then().statusCode(200)
                .body("nameZh", nullValue())
                .body("annualMax", nullValue())
                .body("cumulativeMin", equalTo(5));
        given().delete(TARGETS + "/" + id).then().statusCode(204);
    }

    @Test
    void inconsistentBoundsAndYearsAnswer400WithEveryBrokenField() {
        Map<String, Object> body = TestData.target(TestData.unique("t"), null, null, 2027, 2025);
        body.put("annualMin", 4);
        given().contentType(ContentType.JSON).body(body).post(TARGETS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("regionCode", "toYear", "annualMax"));
    }

    @Test
    void yearsOutsideTheSaneRangeAnswer400() {
        Map<String, Object> body = TestData.target(TestData.unique("t"), "CN-HB", null, 1900, 2027);
        given().contentType(ContentType.JSON).body(body).post(TARGETS).then().statusCode(400)
                .body("errors.field", hasItem("fromYear"));
    }

    @Test
    void duplicateCodeAnswers409AndATargetPinsItsCluster() {
        String cluster = TestData.newCluster();
        String code = TestData.unique("t");
        TestData.create(TARGETS, TestData.target(code, null, cluster, 2025, 2027));
        given().contentType(ContentType.JSON).body(TestData.target(code, "CN-HB", null, 2025, 2027))
                .post(TARGETS).then().statusCode(409);
        given().delete("/api/v1/clusters/" + cluster).then().statusCode(409);
    }
}
