package org.cqdrug.tracker.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestData;
import org.cqdrug.tracker.testsupport.WithKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Atom feeds, read by a real feed library (ROME), with conditional GET; watchlists; and what a subscription
 * refuses. Rows are in Liaoning (CN-LN), which no other test uses.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
class FeedsAndSubscriptionsTest {

    static final String ADMIN = WithKey.BOOTSTRAP;

    @BeforeAll
    static void withKey() {
        WithKey.install();
    }

    @AfterAll
    static void withoutKey() {
        WithKey.remove();
    }

    static SyndFeed parse(Response answer) throws Exception {
        assertEquals(200, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/atom+xml"), answer.contentType());
        SyndFeed feed = new SyndFeedInput().build(new StringReader(answer.asString()));
        assertEquals("atom_1.0", feed.getFeedType());
        return feed;
    }

    static Map<String, Object> count(int value) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", "CN-LN");
        body.put("metric", "CLASS1_APPROVALS");
        body.put("periodFrom", "2024-01-01");
        body.put("periodTo", "2024-12-31");
        body.put("value", value);
        body.put("evidence", "REPORTED");
        body.put("sourceUrl", "https://example.org/" + TestData.unique("ln"));
        return body;
    }

    @Test
    void theChangeFeedIsAnAtomFeedWithStableIdsAbsoluteLinksAndConditionalGet() throws Exception {
        String cluster = TestData.newCluster();
        Response first = given().header("Authorization", ADMIN).get("/api/v1/changes?format=atom&resource=clusters&limit=5");
        SyndFeed feed = parse(first);
        SyndEntry newest = feed.getEntries().get(0);
        assertTrue(newest.getLink().matches("http://[^/]+/api/v1/clusters/" + cluster), newest.getLink());
        assertTrue(newest.getTitle().startsWith("clusters created"), newest.getTitle());
        assertTrue(newest.getUri().startsWith("urn:cqdrug:change:"), newest.getUri());

        SyndFeed again = parse(given().accept("application/atom+xml").get("/api/v1/changes?resource=clusters&limit=5"));
        assertEquals(newest.getUri(), again.getEntries().get(0).getUri(), "the same change, the same id");
        SyndFeed chinese = parse(given().header("Accept-Language", "zh-CN").get("/api/v1/changes?format=atom&resource=clusters&limit=5"));
        assertTrue(chinese.getEntries().get(0).getTitle().startsWith("产业集群 新建"), chinese.getEntries().get(0).getTitle());

        String tag = first.header("ETag");
        given().header("Authorization", ADMIN).header("If-None-Match", tag)
                .get("/api/v1/changes?format=atom&resource=clusters&limit=5").then().statusCode(304);
        given().header("If-None-Match", tag).header("Accept-Language", "zh-CN")
                .get("/api/v1/changes?format=atom&resource=clusters&limit=5").then().statusCode(200);
        long latest = ((Number) given().get("/api/v1/changes?limit=1").then().extract().path("latestRevision")).longValue();
        assertEquals(0, parse(given().get("/api/v1/changes?format=atom&resource=clusters&since=" + latest)).getEntries()
                .size(), "since holds for Atom too");
        given().get("/api/v1/changes?format=xml").then().statusCode(400)
                .body("errors.field", hasItem("format"));
    }

    @Test
    void aWatchlistHasItsOwnFeedThatChangesWithItsEventsAndItsFilter() throws Exception {
        Map<String, Object> watch = Map.of("name", "Liaoning counts", "eventTypes", List.of("published_count.created"),
                "regionCode", "CN-LN");
        var created = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(watch)
                .post("/api/v1/watchlists").then().statusCode(201).extract();
        String id = created.path("id");
        String feedPath = created.path("feed");
        assertEquals("/api/v1/watchlists/" + id + "/events?format=atom", feedPath);
        String count = TestData.create("/api/v1/published-counts", count(3));
        given().header("Authorization", ADMIN).contentType("application/merge-patch+json").body(Map.of("value", 4))
                .patch("/api/v1/published-counts/" + count).then().statusCode(200);

        Response read = given().get(feedPath);
        SyndFeed feed = parse(read);
        assertEquals(1, feed.getEntries().size(), "the creation only: the update is another type");
        SyndEntry entry = feed.getEntries().get(0);
        assertEquals("Published count recorded", entry.getTitle());
        assertTrue(entry.getLink().endsWith("/api/v1/published-counts/" + count), entry.getLink());
        assertTrue(entry.getUri().startsWith("urn:uuid:"), entry.getUri());
        assertTrue(feed.getTitle().endsWith("Liaoning counts"), feed.getTitle());
        assertEquals("公布数字已记录", parse(given().queryParam("lang", "zh").get(feedPath)).getEntries().get(0).getTitle());

        String tag = read.header("ETag");
        given().header("If-None-Match", tag).get(feedPath).then().statusCode(304);
        TestData.create("/api/v1/published-counts", count(5));
        Response after = given().header("If-None-Match", tag).get(feedPath);
        assertEquals(2, parse(after).getEntries().size());
        String tagAfter = after.header("ETag");

        // a change of the filter is a change of the feed
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Liaoning, every event", "regionCode", "CN-LN"))
                .put("/api/v1/watchlists/" + id).then().statusCode(200).body("eventTypes.size()", equalTo(0));
        Response widened = given().header("If-None-Match", tagAfter).get(feedPath);
        assertNotEquals(tagAfter, widened.header("ETag"));
        assertEquals(3, parse(widened).getEntries().size(), "the update too, now");

        given().get("/api/v1/watchlists/" + id + "/events").then().statusCode(200)
                .body("items.type", hasItem("published_count.updated"));
        // a page at a time: rel="next" leads to older entries; the answer varies by Accept and Accept-Language
        Response firstPage = given().get(feedPath + "&limit=2");
        assertTrue(firstPage.header("Vary").contains("Accept-Language"), firstPage.header("Vary"));
        SyndFeed paged = parse(firstPage);
        assertEquals(2, paged.getEntries().size());
        String next = paged.getLinks().stream().filter(link -> "next".equals(link.getRel())).findFirst().orElseThrow()
                .getHref();
        SyndFeed older = parse(given().urlEncodingEnabled(false).get(next.substring(next.indexOf("/api/v1/"))));
        assertEquals(1, older.getEntries().size());
        assertTrue(older.getLinks().stream().noneMatch(link -> "next".equals(link.getRel())), "the last page");
        assertNotEquals(paged.getEntries().get(1).getUri(), older.getEntries().get(0).getUri());
        given().header("Authorization", ADMIN).delete("/api/v1/watchlists/" + id).then().statusCode(204);
        given().get(feedPath).then().statusCode(404);
    }

    @Test
    void aSubscriptionRefusesWhatItCannotDeliverAndWritesNothing() {
        long before = TestData.count("select count(*) from webhook");
        Map<String, Object> body = new HashMap<>();
        body.put("url", "https://hooks.example.org/x");
        body.put("eventTypes", List.of("approval.created", "approval.approved"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then()
                .statusCode(400).body("errors[0].field", equalTo("eventTypes"))
                .body("errors[0].message", containsString("approval.approved"));
        body.put("eventTypes", List.of());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then()
                .statusCode(400).body("errors.field", hasItem("eventTypes"));
        body.put("eventTypes", List.of("approval.created"));
        body.put("url", "ftp://hooks.example.org/x");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
        body.put("url", "https://hooks.example.org/x");
        body.put("status", "DISABLED");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        body.remove("status");
        body.put("candidateId", "01900000-0000-7000-8000-00000000dead");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then()
                .statusCode(422).body("errors[0].field", equalTo("candidateId"));
        given().header("Authorization", "Bearer not-a-key").contentType(ContentType.JSON).body(body)
                .post("/api/v1/webhooks").then().statusCode(401);
        assertEquals(before, TestData.count("select count(*) from webhook"));

        // a merge patch is checked as a full replacement is
        body.remove("candidateId");
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("webhook.id");
        java.util.Map<String, Object> nothing = new HashMap<>();
        nothing.put("url", null);
        given().contentType("application/merge-patch+json").body(nothing).patch("/api/v1/webhooks/" + id).then()
                .statusCode(400).body("errors.field", hasItem("url"));
        given().contentType("application/merge-patch+json").body(Map.of("eventTypes", List.of()))
                .patch("/api/v1/webhooks/" + id).then().statusCode(400).body("errors.field", hasItem("eventTypes"));
        given().contentType("application/merge-patch+json").body(Map.of("regionCode", "Chongqing"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(400).body("errors.field", hasItem("regionCode"));
        given().get("/api/v1/webhooks/" + id).then().body("url", equalTo("https://hooks.example.org/x"))
                .body("version", equalTo(0));
        given().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("name", "bell\u0007"))
                .post("/api/v1/watchlists").then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void eachKeySeesItsOwnWebhooksOnly() {
        String viewer = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", TestData.unique("viewer"), "role", "VIEWER")).post("/api/v1/api-keys").then()
                .statusCode(201).extract().path("key");
        String mine = given().header("Authorization", "Bearer " + viewer).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example.org/viewer", "eventTypes", List.of("approval.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("webhook.id");
        String admins = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example.org/admin", "eventTypes", List.of("approval.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("webhook.id");
        given().header("Authorization", "Bearer " + viewer).get("/api/v1/webhooks/" + admins).then().statusCode(404);
        given().header("Authorization", "Bearer " + viewer).get("/api/v1/webhooks?limit=500").then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(admins)));
        given().header("Authorization", ADMIN).get("/api/v1/webhooks?limit=500").then().statusCode(200)
                .body("items.id", hasItem(mine));
        given().header("Authorization", ADMIN).delete("/api/v1/webhooks/" + mine).then().statusCode(204);
        given().header("Authorization", ADMIN).delete("/api/v1/webhooks/" + admins).then().statusCode(204);
    }
}
