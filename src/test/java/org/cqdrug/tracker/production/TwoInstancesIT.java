package org.cqdrug.tracker.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.cqdrug.tracker.testsupport.Receiver;
import org.cqdrug.tracker.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * Two instances of the packaged service (the jar {@code package} built, run with the JVM options of
 * {@code docker/jvm.options} in the prod profile, configured by environment variables) on one database of their own:
 * each keeps answers in memory, and a write through one is seen through the other at once, with a new ETag. Run by
 * Failsafe in {@code verify}, against the PostgreSQL that the PG* variables name (pg_virtualenv).
 */
@Tag(Lanes.PACKAGED)
class TwoInstancesIT {

    private static final String KEY = "two-instances-admin-key";
    private static final String DATABASE = "two_instances_" + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, String> SETTINGS = Map.of(
            "TRACKER_WEBHOOK_ALLOW_PRIVATE", "true", // the test's receiver listens on this machine
            "TRACKER_WEBHOOK_POLL_INTERVAL", "0.5s");

    private static PackagedInstance first;
    private static PackagedInstance second;
    private static String firstUrl;
    private static String secondUrl;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        TestDatabases.recreate(DATABASE);
        // should this JVM be killed, the instances go with it
        Runtime.getRuntime().addShutdownHook(new Thread(TwoInstancesIT::stopProcesses));
        first = start("two-instances-first");
        firstUrl = first.url;
        second = start("two-instances-second");
        secondUrl = second.url;
    }

    @AfterAll
    static void stopThem() throws Exception {
        stopProcesses();
        try (Connection admin = TestDatabases.connect(System.getenv().getOrDefault("PGDATABASE", "postgres"));
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void aWriteThroughOneInstanceIsSeenWithANewTagThroughTheOtherAtOnce() {
        for (int round = 0; round < 10; round++) {
            String list = secondUrl + "/api/v1/clusters?limit=500";
            String tag = given().get(list).then().statusCode(200).extract().header("ETag");
            given().get(list).then().statusCode(200).header("ETag", equalTo(tag)); // kept by the second instance now
            String code = "two-instances-" + round;
            given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "name", "Cluster " + round, "regionCode", "CN-CQ"))
                    .post(firstUrl + "/api/v1/clusters").then().statusCode(201);
            given().header("If-None-Match", tag).get(list).then().statusCode(200)
                    .header("ETag", not(equalTo(tag)))
                    .body("items.code", hasItem(code));
        }
    }

    @Test
    void bothInstancesAnswerTheSameTagAnd304ForUnchangedData() {
        String path = "/api/v1/targets";
        String tag = given().get(firstUrl + path).then().statusCode(200).extract().header("ETag");
        assertEquals(tag, given().get(secondUrl + path).then().statusCode(200).extract().header("ETag"));
        given().header("If-None-Match", tag).get(secondUrl + path).then().statusCode(304);
        given().header("If-None-Match", tag).get(firstUrl + path).then().statusCode(304);
    }

    /**
     * A third instance told to stop (SIGTERM, as Docker and Kubernetes stop a container) while it streams a long
     * export finishes the export: every row arrives and the transfer ends cleanly, then the process exits.
     */
    @Test
    void anInstanceToldToStopFinishesTheRequestInFlight() throws Exception {
        int rows = 300_000;
        String cluster = UUID.randomUUID().toString();
        String sponsor = UUID.randomUUID().toString();
        try (Connection connection = TestDatabases.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("insert into cluster (id, code, name, region_code, created_at, updated_at, version)"
                    + " values ('" + cluster + "', 'shutdown-" + cluster.substring(0, 8) + "', 'Shutdown', 'CN-CQ', now(), now(), 0)");
            statement.execute("insert into organization (id, name, kind, region_code, created_at, updated_at, version)"
                    + " values ('" + sponsor + "', 'Shutdown sponsor', 'COMPANY', 'CN-CQ', now(), now(), 0)");
            statement.execute("insert into candidate (id, code, name, sponsor_id, cluster_id, category, registration_class,"
                    + " modality, phase, created_at, updated_at, version) select gen_random_uuid(), 'S-' || g, 'shutdownumab ' || g,"
                    + " '" + sponsor + "', '" + cluster + "', 'CHEMICAL', '1', 'OTHER', 'PHASE_1', now(), now(), 0"
                    + " from generate_series(1, " + rows + ") g");
        }
        PackagedInstance third = start("two-instances-stopping");
        String url = third.url;
        try {
            HttpResponse<InputStream> export = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/api/v1/candidates?clusterId=" + cluster))
                            .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, export.statusCode());
            long lines;
            try (BufferedReader body = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
                body.readLine();
                CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
                    try {
                        return third.stop(Duration.ofSeconds(40));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                });
                lines = 1 + body.lines().count();
                assertTrue(stopped.get(45, TimeUnit.SECONDS), "the instance did not stop");
            }
            assertEquals(rows + 1, lines, "header and every row, though the instance was told to stop");
        } finally {
            third.kill();
        }
    }

    /**
     * A paused webhook's backlog, delivered by every running instance at once (scheduled, as in production), while a
     * third instance is told to stop (SIGTERM) in the middle of it and a fourth starts: each event reaches the
     * receiver exactly once, with one attempt each, whatever instance made it.
     */
    @Test
    void severalInstancesDeliverABacklogOnceThoughOneStopsInTheMiddle() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String hook = given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/backlog"), "eventTypes", java.util.List.of("published_count.created"),
                            "status", "PAUSED"))
                    .post(firstUrl + "/api/v1/webhooks").then().statusCode(201).extract().path("webhook.id");
            int backlog = 300;
            for (int i = 0; i < backlog; i++) {
                given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                        .body(Map.of("regionCode", "CN-TJ", "metric", "CLASS1_APPROVALS", "periodFrom", "2020-01-01",
                                "periodTo", "2020-12-31", "value", i, "evidence", "REPORTED",
                                "sourceUrl", "https://example.org/backlog/" + i))
                        .post((i % 2 == 0 ? firstUrl : secondUrl) + "/api/v1/published-counts").then().statusCode(201);
            }
            PackagedInstance third = start("two-instances-third");
            PackagedInstance fourth = null;
            try {
                given().header("Authorization", "Bearer " + KEY).header("If-Match", "*")
                        .contentType("application/merge-patch+json").body(Map.of("status", "ACTIVE"))
                        .patch(secondUrl + "/api/v1/webhooks/" + hook).then().statusCode(200);
                Awaitility.await("a third delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> receiver.messages("/backlog").size() >= backlog / 3);
                assertTrue(third.stop(Duration.ofSeconds(40)), "the third instance did not stop");
                fourth = start("two-instances-fourth");
                Awaitility.await("all delivered").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                        .until(() -> receiver.messages("/backlog").size() >= backlog);
                // a duplicate would come within a round or two
                Awaitility.await("no duplicate").during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(8))
                        .until(() -> receiver.messages("/backlog").size() == backlog);
            } finally {
                third.kill();
                if (fourth != null) {
                    fourth.close();
                }
            }
            java.util.List<Receiver.Message> messages = receiver.messages("/backlog");
            assertEquals(backlog, messages.size(), "every event, once");
            assertEquals(backlog, messages.stream().map(m -> m.header("webhook-id")).distinct().count(), "none twice");
            try (Connection connection = TestDatabases.connect(DATABASE); Statement statement = connection.createStatement();
                    java.sql.ResultSet rows = statement.executeQuery("select count(*), count(distinct a.instance),"
                            + " max(a.number) from delivery_attempt a join delivery d on d.id = a.delivery_id"
                            + " where d.webhook_id = '" + hook + "'")) {
                rows.next();
                assertEquals(backlog, rows.getLong(1), "one attempt per delivery");
                assertTrue(rows.getLong(2) >= 2, "more than one instance delivered: " + rows.getLong(2));
                assertEquals(1, rows.getInt(3));
            }
        }
    }

    private static PackagedInstance start(String name) throws Exception {
        return PackagedInstance.start(name, DATABASE, KEY, SETTINGS);
    }

    private static void stopProcesses() {
        for (PackagedInstance instance : new PackagedInstance[] {first, second}) {
            if (instance != null) {
                try {
                    instance.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
