package org.cqdrug.tracker.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.standardwebhooks.Webhook;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.cqdrug.tracker.notification.delivery.CloudEvents;
import org.cqdrug.tracker.notification.delivery.WebhookSender;
import org.cqdrug.tracker.notification.service.Deliveries;
import org.cqdrug.tracker.notification.service.DeliveryLoop;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.Receiver;
import org.cqdrug.tracker.testsupport.TestData;
import org.cqdrug.tracker.testsupport.WithKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real HTTP receiver, on the real database: what is sent, how it is signed (checked with the
 * Standard Webhooks reference library) and shaped (read with the CloudEvents SDK), and the delivery rules. The
 * scheduler is off in tests, so each test runs the delivery rounds itself, as one instance or as several. Each test
 * keeps to a region no other test uses, so that only its own writes match its webhooks.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
class WebhookDeliveryTest {

    static final String KEY = WithKey.BOOTSTRAP;
    static final String HOOKS = "/api/v1/webhooks";

    static Receiver receiver;


    @Inject
    DeliveryLoop loop;

    @Inject
    DataSource database;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new Receiver();
        // every request with the bootstrap key: webhooks deliver while the key they belong to is valid
        WithKey.install();
    }

    @AfterAll
    static void stopReceiver() {
        WithKey.remove();
        receiver.close();
    }

    static RequestSpecification api() {
        return given().header("Authorization", KEY).contentType(ContentType.JSON);
    }

    /** Subscribes a path of the receiver; answers the webhook's id and secret. */
    static String[] subscribe(String path, List<String> types, Map<String, Object> filter) {
        Map<String, Object> body = new HashMap<>(filter);
        body.put("url", receiver.url(path));
        body.put("eventTypes", types);
        var created = api().body(body).post(HOOKS).then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("webhook.status", equalTo("ACTIVE")).extract();
        return new String[] {created.path("webhook.id"), created.path("secret")};
    }

    /** Runs delivery rounds as one instance until the condition holds (or fails after ten seconds). */
    void deliverUntil(Supplier<Boolean> done) {
        Awaitility.await("delivered").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> done.get() || roundThen(done));
    }

    /** Runs delivery rounds for a while, failing if the condition stops holding: nothing more is sent. */
    void holdsWhileDelivering(Supplier<Boolean> holds, Duration period) {
        Awaitility.await("nothing more sent").during(period).atMost(period.plusSeconds(5))
                .pollInterval(Duration.ofMillis(50)).until(() -> roundThen(holds));
    }

    private boolean roundThen(Supplier<Boolean> condition) {
        loop.round("test-instance");
        return condition.get();
    }

    /** Every message of the path, checked: signed with the secret, a CloudEvents 1.0 event; by type. */
    static Map<String, List<CloudEvent>> verified(String path, String secret) throws Exception {
        Map<String, List<CloudEvent>> byType = new TreeMap<>();
        for (Receiver.Message message : receiver.messages(path)) {
            new Webhook(secret).verify(message.body(), message.headers());
            assertEquals("application/cloudevents+json; charset=utf-8", message.header("Content-Type"));
            CloudEvent event = new JsonFormat().deserialize(message.body().getBytes(StandardCharsets.UTF_8));
            assertEquals("1.0", event.getSpecVersion().toString());
            assertEquals(message.header("webhook-id"), event.getId(), "webhook-id is the event's id");
            assertNotNull(event.getTime());
            byType.computeIfAbsent(event.getType(), t -> new ArrayList<>()).add(event);
        }
        return byType;
    }

    static String data(CloudEvent event) {
        return new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, Object> publishedCount(String region, int value) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("metric", "CLASS1_APPROVALS");
        body.put("periodFrom", "2025-01-01");
        body.put("periodTo", "2025-12-31");
        body.put("value", value);
        body.put("evidence", "REPORTED");
        body.put("sourceUrl", "https://example.org/" + TestData.unique("report"));
        body.put("publishedOn", "2026-01-13");
        return body;
    }

    @Test
    void everyRecordAndTargetEventIsDeliveredOncePerChangeWithAValidSignature() throws Exception {
        String region = "CN-SN";
        String path = "/every-type";
        String target = TestData.create("/api/v1/targets", TestData.target(TestData.unique("sn"), region, null, 2026, 2026));
        String[] hook = subscribe(path, EventType.subscribable(), Map.of("regionCode", region));
        loop.round("test-instance"); // the target judged for the first time: recorded, no event

        subscribe(path + "-elsewhere", EventType.subscribable(), Map.of("regionCode", "CN-MO"));
        String sponsor = TestData.newOrganization(region, null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "PHASE_3");
        String[] ofCandidate = subscribe(path + "-candidate", EventType.subscribable(), Map.of("candidateId", candidate));
        api().body(Map.of("phase", "NDA_SUBMITTED", "reachedOn", "2026-02-01"))
                .post("/api/v1/candidates/" + candidate + "/milestones").then().statusCode(201);
        api().contentType("application/merge-patch+json").body(Map.of("note", "Filed with CDE"))
                .patch("/api/v1/candidates/" + candidate).then().statusCode(200);
        String approval = TestData.create("/api/v1/approvals", TestData.approval(candidate, "NMPA", "2026-06-01",
                "国药准字S2026" + (1000 + (int) (Math.random() * 8000))));
        loop.round("test-instance"); // the approval meets the year's minimum: status and outlook change
        api().contentType("application/merge-patch+json").body(Map.of("note", "Priority review"))
                .patch("/api/v1/approvals/" + approval).then().statusCode(200);
        String count = TestData.create("/api/v1/published-counts", publishedCount(region, 3));
        api().contentType("application/merge-patch+json").body(Map.of("value", 4))
                .patch("/api/v1/published-counts/" + count).then().statusCode(200);
        api().delete("/api/v1/published-counts/" + count).then().statusCode(204);
        api().delete("/api/v1/approvals/" + approval).then().statusCode(204);
        api().delete("/api/v1/candidates/" + candidate).then().statusCode(204);

        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(Map.entry("candidate.created", 1),
                Map.entry("candidate.phase_changed", 3), Map.entry("candidate.updated", 1),
                Map.entry("approval.created", 1), Map.entry("approval.updated", 1), Map.entry("approval.deleted", 1),
                Map.entry("published_count.created", 1), Map.entry("published_count.updated", 1),
                Map.entry("published_count.deleted", 1), Map.entry("candidate.deleted", 1),
                Map.entry("target.status_changed", 2), Map.entry("target.outlook_changed", 2)));
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        deliverUntil(() -> receiver.messages(path).size() >= total);
        loop.round("test-instance");
        Map<String, List<CloudEvent>> received = verified(path, hook[1]);
        Map<String, Integer> counts = new TreeMap<>();
        received.forEach((type, events) -> counts.put(type, events.size()));
        assertEquals(expected, counts, "one event per change, of each type");
        Set<String> ids = new HashSet<>();
        received.values().forEach(events -> events.forEach(event -> ids.add(event.getId())));
        assertEquals(total, ids.size(), "each event sent once");

        CloudEvent created = received.get("approval.created").get(0);
        assertEquals("/api/v1/approvals/" + approval, created.getSubject());
        assertEquals("urn:cqdrug:tracker", created.getSource().toString());
        assertTrue(data(created).contains("\"path\":\"/api/v1/approvals/" + approval + "\""), data(created));
        assertTrue(data(received.get("approval.updated").get(0)).contains("\"changedFields\":[\"note\"]"),
                data(received.get("approval.updated").get(0)));
        assertTrue(received.get("candidate.phase_changed").stream().anyMatch(event -> data(event)
                .contains("\"previousPhase\":\"PHASE_3\",\"phase\":\"NDA_SUBMITTED\"")));
        assertTrue(received.get("target.status_changed").stream().anyMatch(event -> data(event)
                .contains("\"previousStatus\":\"IN_PROGRESS\",\"status\":\"MET\"")), "the approval met the minimum");
        assertEquals("/api/v1/targets/" + target, received.get("target.outlook_changed").get(0).getSubject());

        // the filters: another region's webhook got nothing; the candidate's got its and its approval's events only
        assertEquals(0, receiver.messages(path + "-elsewhere").size(), "no event of CN-SN matches CN-MO");
        Map<String, Integer> ofIt = new TreeMap<>();
        verified(path + "-candidate", ofCandidate[1]).forEach((type, events) -> ofIt.put(type, events.size()));
        // (its creation too: subscribed before the next round, it is sent the events that round fans out)
        assertEquals(Map.of("candidate.created", 1, "candidate.phase_changed", 3, "candidate.updated", 1,
                "approval.created", 1, "approval.updated", 1, "approval.deleted", 1, "candidate.deleted", 1), ofIt);

        // the log says each was delivered at the first attempt
        given().header("Authorization", KEY).get(HOOKS + "/" + hook[0] + "/deliveries?limit=500").then().statusCode(200)
                .body("items.size()", equalTo(total)).body("items.state", org.hamcrest.Matchers.everyItem(equalTo("DELIVERED")))
                .body("items[0].attemptLog[0].status", equalTo(200))
                .body("items[0].attemptLog[0].instance", equalTo("test-instance"));
    }

    @Test
    void anAppliedOfficialListSendsSourceApplied() throws Exception {
        String path = "/sources";
        String[] hook = subscribe(path, List.of("source.applied"), Map.of());
        String number = "CXSS26" + (70000 + (int) (Math.random() * 20000));
        byte[] list = org.cqdrug.tracker.testsupport.SavedFiles.csv(org.cqdrug.tracker.testsupport.SavedFiles.sheet(
                "序号", "受理号", "药品名称", "药品类型", "申请类型", "注册分类", "企业名称", "承办日期")
                .row("1", number, "示例事件单抗注射液", "治疗用生物制品", "新药", "治疗用生物制品1类",
                        "陕西" + TestData.unique("示例") + "生物制药有限公司", java.time.LocalDate.of(2026, 3, 2)),
                StandardCharsets.UTF_8, true);
        String document = given().header("Authorization", KEY).contentType("text/csv").body(list)
                .queryParam("kind", "CDE_ACCEPTANCES")
                .queryParam("url", "https://www.cde.org.cn/main/xxgk/listpage/9f9c74c73e0f8f56a8bfbc646055026d")
                .queryParam("retrievedAt", "2026-11-27T02:00:00Z").post("/api/v1/sources").then().statusCode(201)
                .extract().path("id");
        String tag = given().get("/api/v1/sources/" + document).then().statusCode(200).extract().header("ETag");
        given().header("Authorization", KEY).header("If-Match", tag).post("/api/v1/sources/" + document + "/apply")
                .then().statusCode(200);
        deliverUntil(() -> receiver.messages(path).size() >= 1);
        loop.round("test-instance");
        List<CloudEvent> events = verified(path, hook[1]).get("source.applied");
        assertEquals(1, events.size(), "applied once, told once: " + receiver.messages(path));
        assertEquals("/api/v1/sources/" + document, events.get(0).getSubject());
    }

    @Test
    void aReceiverThatFailsTwiceThenSucceedsGetsThreeAttemptsWithOneWebhookId() throws Exception {
        String region = "CN-SX";
        String path = "/flaky";
        String[] hook = subscribe(path, List.of("published_count.created"), Map.of("regionCode", region));
        receiver.answer(path, new Receiver.Answer(500, Map.of()), new Receiver.Answer(503, Map.of()));
        TestData.create("/api/v1/published-counts", publishedCount(region, 1));
        deliverUntil(() -> receiver.messages(path).size() >= 3);
        holdsWhileDelivering(() -> receiver.messages(path).size() == 3, Duration.ofMillis(500)); // past a next retry
        List<Receiver.Message> messages = receiver.messages(path);
        assertEquals(3, messages.size());
        assertEquals(1, messages.stream().map(m -> m.header("webhook-id")).distinct().count(), "one webhook-id");
        verified(path, hook[1]);
        given().header("Authorization", KEY).get(HOOKS + "/" + hook[0] + "/deliveries").then().statusCode(200)
                .body("items[0].state", equalTo("DELIVERED")).body("items[0].attempts", equalTo(3))
                .body("items[0].attemptLog.status", equalTo(List.of(500, 503, 200)))
                .body("items[0].attemptLog[0].answerHead", equalTo("answered 500"));
    }

    @Test
    void a410DisablesTheEndpointAndNothingMoreIsQueuedForIt() throws Exception {
        String region = "CN-SD";
        String path = "/gone";
        String[] hook = subscribe(path, List.of("published_count.created"), Map.of("regionCode", region));
        receiver.answer(path, new Receiver.Answer(410, Map.of()));
        TestData.create("/api/v1/published-counts", publishedCount(region, 1));
        deliverUntil(() -> receiver.messages(path).size() >= 1);
        api().get(HOOKS + "/" + hook[0]).then().statusCode(200).body("status", equalTo("DISABLED"))
                .body("disabledReason", containsString("410"));
        TestData.create("/api/v1/published-counts", publishedCount(region, 2));
        loop.round("test-instance");
        loop.round("test-instance");
        assertEquals(1, receiver.messages(path).size());
        assertEquals(1, TestData.count("select count(*) from delivery where webhook_id = cast(? as uuid)", hook[0]));
        // made ACTIVE again, it is sent what comes next
        api().contentType("application/merge-patch+json").body(Map.of("status", "ACTIVE"))
                .patch(HOOKS + "/" + hook[0]).then().statusCode(200).body("disabledReason", equalTo(null));
        TestData.create("/api/v1/published-counts", publishedCount(region, 3));
        deliverUntil(() -> receiver.messages(path).size() >= 2);
    }

    @Test
    void anEndpointFailingForItsWholeRetryWindowIsDisabledAndSaysSo() throws Exception {
        String region = "CN-HA";
        String path = "/down";
        String[] hook = subscribe(path, List.of("published_count.created"), Map.of("regionCode", region));
        Receiver.Answer down = new Receiver.Answer(502, Map.of());
        receiver.answer(path, down, down, down, down, down);
        TestData.create("/api/v1/published-counts", publishedCount(region, 1));
        deliverUntil(() -> "DISABLED".equals(api().get(HOOKS + "/" + hook[0]).then().extract().path("status")));
        assertEquals(4, receiver.messages(path).size(), "the first attempt and one per wait of the schedule (3 in tests)");
        api().get(HOOKS + "/" + hook[0]).then().body("disabledReason", containsString("Every attempt"))
                .body("disabledReason", containsString("HTTP 502"));
        given().header("Authorization", KEY).get(HOOKS + "/" + hook[0] + "/deliveries").then()
                .body("items[0].state", equalTo("FAILED")).body("items[0].attempts", equalTo(4));
    }

    @Test
    void a429WaitsAsLongAsRetryAfterSays() throws Exception {
        String region = "CN-HE";
        String path = "/busy";
        String[] hook = subscribe(path, List.of("published_count.created"), Map.of("regionCode", region));
        receiver.answer(path, new Receiver.Answer(429, Map.of("Retry-After", "2")));
        TestData.create("/api/v1/published-counts", publishedCount(region, 1));
        deliverUntil(() -> receiver.messages(path).size() >= 1);
        Instant first = Instant.now();
        String next = given().header("Authorization", KEY).get(HOOKS + "/" + hook[0] + "/deliveries").then()
                .body("items[0].state", equalTo("PENDING")).extract().path("items[0].nextAttemptAt");
        assertTrue(Duration.between(first, Instant.parse(next)).toMillis() > 1500, "waits Retry-After, not 0.2 s: " + next);
        deliverUntil(() -> receiver.messages(path).size() >= 2);
    }

    @Test
    void aShortRetryAfterSpendsNoAttemptsAndASlowBodyIsCutAtTheTimeout() throws Exception {
        String region = "CN-AH";
        String path = "/short-wait";
        String[] hook = subscribe(path, List.of("published_count.created"), Map.of("regionCode", region));
        receiver.answer(path, new Receiver.Answer(503, Map.of("Retry-After", "0")));
        TestData.create("/api/v1/published-counts", publishedCount(region, 1));
        deliverUntil(() -> receiver.messages(path).size() >= 1);
        var log = given().header("Authorization", KEY).get(HOOKS + "/" + hook[0] + "/deliveries").then().extract();
        Instant started = Instant.parse(log.path("items[0].attemptLog[0].startedAt"));
        Instant next = Instant.parse(log.path("items[0].nextAttemptAt"));
        assertTrue(Duration.between(started, next).toMillis() >= 150, "the schedule's wait (0.2 s in tests), not 0");
        deliverUntil(() -> receiver.messages(path).size() >= 2);

        String slow = "/slow-body";
        subscribe(slow, List.of("published_count.created"), Map.of("regionCode", "CN-GD"));
        receiver.answer(slow, new Receiver.Answer(200, Map.of(), 8000));
        TestData.create("/api/v1/published-counts", publishedCount("CN-GD", 1));
        long began = System.nanoTime();
        deliverUntil(() -> receiver.messages(slow).size() >= 1 && TestData.count("select count(*) from delivery_attempt a"
                + " join delivery d on d.id = a.delivery_id join webhook w on w.id = d.webhook_id"
                + " where w.url like ? and a.error like 'timed out%'", "%" + slow) == 1);
        assertTrue(System.nanoTime() - began < Duration.ofSeconds(7).toNanos(),
                "the round ends at the receivers' timeout (3 s in tests), not when the body comes");
    }

    @Test
    void twoInstancesDeliverEachAttemptOnceAndAStoppedOneLosesNothing() throws Exception {
        String region = "CN-JX";
        String path = "/backlog";
        String[] hook = subscribe(path, List.of("published_count.created"), Map.of("regionCode", region));
        api().contentType("application/merge-patch+json").body(Map.of("status", "PAUSED")).patch(HOOKS + "/" + hook[0])
                .then().statusCode(200).body("status", equalTo("PAUSED"));
        int backlog = 120;
        for (int i = 0; i < backlog; i++) {
            TestData.create("/api/v1/published-counts", publishedCount(region, i));
        }
        loop.round("instance-a"); // fanned out, but held: the endpoint is paused
        assertEquals(0, receiver.messages(path).size());
        api().contentType("application/merge-patch+json").body(Map.of("status", "ACTIVE")).patch(HOOKS + "/" + hook[0])
                .then().statusCode(200);

        // instance A makes one round (a batch of 50) and stops; B and C go on together
        assertEquals(50, loop.round("instance-a").attempts());
        Instant until = Instant.now().plusSeconds(20);
        while (receiver.messages(path).size() < backlog && Instant.now().isBefore(until)) {
            CompletableFuture<?> b = CompletableFuture.runAsync(() -> loop.round("instance-b"));
            CompletableFuture<?> c = CompletableFuture.runAsync(() -> loop.round("instance-c"));
            CompletableFuture.allOf(b, c).join();
        }
        List<Receiver.Message> messages = receiver.messages(path);
        assertEquals(backlog, messages.size(), "every event once");
        assertEquals(backlog, messages.stream().map(m -> m.header("webhook-id")).distinct().count(), "no event twice");
        assertEquals(backlog, TestData.count("select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id"
                + " where d.webhook_id = cast(? as uuid)", hook[0]), "one attempt per delivery");
        assertTrue(TestData.count("select count(distinct a.instance) from delivery_attempt a join delivery d"
                + " on d.id = a.delivery_id where d.webhook_id = cast(? as uuid) and a.instance <> 'instance-a'", hook[0]) == 2,
                "both instances took part");
    }

    @Test
    void anAttemptOrphanedByACrashIsMadeAgainWithTheSameWebhookIdAndItsLateAnswerChangesNothing() throws Exception {
        String region = "CN-FJ";
        String path = "/orphaned";
        String[] hook = subscribe(path, List.of("published_count.created"), Map.of("regionCode", region));
        TestData.create("/api/v1/published-counts", publishedCount(region, 2));
        Deliveries deliveries = io.quarkus.arc.Arc.container().instance(Deliveries.class).get();
        deliveries.relay(500);
        // instance A claims the delivery and dies before it sends or records anything: its claim lapses
        Deliveries.Claim first = deliveries.claim("crashed-instance", 50).stream()
                .filter(claim -> claim.webhook().toString().equals(hook[0])).findFirst().orElseThrow();
        assertTrue(deliveries.claim("instance-b", 50).stream().noneMatch(claim -> claim.webhook().toString()
                .equals(hook[0])), "while A's claim lasts, the attempt is nobody else's");
        TestData.execute("update delivery set claimed_until = now() - interval '1 second' where id = cast(? as uuid)",
                first.delivery().toString());
        // instance B claims the next attempt of it
        Deliveries.Claim second = deliveries.claim("instance-b", 50).stream()
                .filter(claim -> claim.webhook().toString().equals(hook[0])).findFirst().orElseThrow();
        assertEquals(2, second.attempt());
        assertEquals(first.event().id(), second.event().id(), "the same event, so the same webhook-id");
        // A's answer, coming late, changes nothing: B's claim stands
        assertEquals(Deliveries.Outcome.LAPSED, deliveries.record(first, "crashed-instance",
                new WebhookSender.Answer(500, "", null, null, 1)));
        assertEquals(1, TestData.count("select count(*) from delivery where id = cast(? as uuid) and state = 'PENDING'"
                + " and claimed_by = 'instance-b' and attempts = 2", second.delivery().toString()));
        WebhookSender sender = io.quarkus.arc.Arc.container().instance(WebhookSender.class).get();
        String body = io.quarkus.arc.Arc.container().instance(CloudEvents.class).get().json(second.event());
        assertEquals(Deliveries.Outcome.DELIVERED, deliveries.record(second, "instance-b",
                sender.send(second.url(), second.event().id().toString(), body, second.secrets()).join()));
        assertEquals(1, receiver.messages(path).size());
        assertEquals(first.event().id().toString(), receiver.messages(path).get(0).header("webhook-id"));
        verified(path, hook[1]);
        given().header("Authorization", KEY).get(HOOKS + "/" + hook[0] + "/deliveries").then()
                .body("items[0].attempts", equalTo(2)).body("items[0].attemptLog[0].instance", equalTo("crashed-instance"))
                .body("items[0].attemptLog[0].status", equalTo(null)).body("items[0].attemptLog[1].status", equalTo(200));
    }

    @Test
    void aRolledBackWriteSendsNothing() throws Exception {
        String region = "CN-GX";
        String path = "/rolled-back";
        subscribe(path, List.of("candidate.created", "approval.created"), Map.of("regionCode", region));
        String sponsor = TestData.newOrganization(region, null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "PHASE_3");
        TestData.create("/api/v1/approvals", TestData.approval(candidate, "NMPA", "2026-03-01", "国药准字S2026" + (1000 + (int) (Math.random() * 8000))));
        // a second first approval is refused: nothing of it is written
        api().body(TestData.approval(candidate, "NMPA", "2026-04-01", "国药准字S2026" + (1000 + (int) (Math.random() * 8000))))
                .post("/api/v1/approvals").then().statusCode(409);
        // a transaction that writes an audit row, and so an event, then rolls back
        long events = TestData.count("select count(*) from event");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("insert into revision (id, changed_at, author) values (nextval('revision_seq'), now(), 'rolled-back')");
            statement.execute("insert into candidate_aud (id, rev, revtype, code, sponsor_id, category, registration_class,"
                    + " modality, phase) values (gen_random_uuid(), currval('revision_seq'), 0, 'RB', '" + sponsor
                    + "', 'CHEMICAL', '1', 'OTHER', 'PHASE_1')");
            try (var rows = statement.executeQuery("select count(*) from event")) {
                rows.next();
                assertEquals(events + 1, rows.getLong(1), "the trigger wrote the event inside the transaction");
            }
            connection.rollback();
        }
        assertEquals(events, TestData.count("select count(*) from event"));
        deliverUntil(() -> receiver.messages(path).size() >= 2);
        holdsWhileDelivering(() -> receiver.messages(path).size() == 2, Duration.ofMillis(300));
        assertEquals(2, receiver.messages(path).size(), "the candidate and its one approval: " + receiver.messages(path));
    }

    @Test
    void anOutlookCrossingSendsOneOutlookChangedAndNoRepeats() throws Exception {
        String region = "CN-JL";
        String path = "/outlook";
        String target = TestData.create("/api/v1/targets", TestData.target(TestData.unique("jl"), region, null, 2026, 2027));
        String[] hook = subscribe(path, List.of("target.outlook_changed"), Map.of("targetId", target));
        loop.round("test-instance");
        String sponsor = TestData.newOrganization(region, null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        TestData.create("/api/v1/approvals", TestData.approval(candidate, "NMPA", "2026-05-01", "国药准字S2026" + (1000 + (int) (Math.random() * 8000))));
        deliverUntil(() -> receiver.messages(path).size() >= 1);
        for (int i = 0; i < 3; i++) { // more rounds, another write in the region: no repeat
            loop.round("test-instance");
        }
        TestData.newCandidate(sponsor, null, "2.2", "PHASE_1");
        loop.round("test-instance");
        loop.round("test-instance");
        List<CloudEvent> events = verified(path, hook[1]).get("target.outlook_changed");
        assertEquals(1, events.size(), "one crossing, one event");
        assertTrue(data(events.get(0)).contains("\"period\":\"2026\"") && data(events.get(0)).contains("\"outlook\":\"ON_TRACK\""),
                data(events.get(0)));
        given().get("/api/v1/events?type=target.outlook_changed&targetId=" + target).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].data.outlook", equalTo("ON_TRACK"));
    }

    @Test
    void aPingAndAReplayGoOutSignedWithBothSecretsDuringTheGrace() throws Exception {
        String path = "/ping";
        String[] hook = subscribe(path, List.of("approval.created"), Map.of("regionCode", "CN-NM"));
        String ping = api().post(HOOKS + "/" + hook[0] + "/ping").then().statusCode(202)
                .body("eventType", equalTo("webhook.ping")).extract().path("id");
        deliverUntil(() -> receiver.messages(path).size() >= 1);
        String tag = api().get(HOOKS + "/" + hook[0]).then().extract().header("ETag");
        String rotated = api().header("If-Match", tag).post(HOOKS + "/" + hook[0] + "/rotate-secret").then()
                .statusCode(200).body("webhook.previousSecretUntil", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        assertFalse(rotated.equals(hook[1]));
        api().post(HOOKS + "/" + hook[0] + "/deliveries/" + ping + "/replay").then().statusCode(202)
                .body("replayOf", equalTo(ping));
        deliverUntil(() -> receiver.messages(path).size() >= 2);
        Receiver.Message replayed = receiver.messages(path).get(1);
        assertEquals(receiver.messages(path).get(0).header("webhook-id"), replayed.header("webhook-id"));
        assertEquals(2, replayed.header("webhook-signature").split(" ").length, "new and old secret both sign");
        new Webhook(rotated).verify(replayed.body(), replayed.headers());
        new Webhook(hook[1]).verify(replayed.body(), replayed.headers());
        given().get("/api/v1/events?limit=500").then().statusCode(200) // a ping is never listed
                .body("items.type", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("webhook.ping")));
    }

    @Test
    void secretsAppearInNoLogHistoryChangeFeedOrListing() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String path = "/secret";
            String[] hook = subscribe(path, List.of("published_count.created"), Map.of("regionCode", "CN-ZJ"));
            receiver.answer(path, new Receiver.Answer(410, Map.of()));
            TestData.create("/api/v1/published-counts", publishedCount("CN-ZJ", 1));
            deliverUntil(() -> receiver.messages(path).size() >= 1); // a 410: the disabling is logged
            api().put(HOOKS + "/" + hook[0]).then().statusCode(400); // no body: a problem, logged or not
            String secret = hook[1];
            String key = secret.substring("whsec_".length());
            for (String line : logged) {
                assertFalse(line.contains(key), "a log line holds the secret: " + line);
            }
            assertTrue(logged.stream().anyMatch(line -> line.contains("disabled")), "the capture saw the service's log");
            for (String answer : List.of(api().get(HOOKS).asString(), api().get(HOOKS + "/" + hook[0]).asString(),
                    given().get("/api/v1/changes?limit=500&since=0").asString(),
                    given().get("/api/v1/events?limit=500").asString(),
                    api().get(HOOKS + "/" + hook[0] + "/deliveries").asString())) {
                assertFalse(answer.contains(key), "an answer holds the secret");
            }
            assertEquals(0, TestData.count("select count(*) from event where cast(detail as text) like ?", "%" + key + "%"));
            assertEquals(0, TestData.count("select count(*) from revision where author like ?", "%" + key + "%"));
        } finally {
            root.removeHandler(capture);
        }
    }
}
