package org.cqdrug.tracker.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.cqdrug.tracker.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * The packaged service while its PostgreSQL is stopped and started again (pg_ctlcluster, on the cluster
 * pg_virtualenv made): answers are 503 problems with Retry-After within a bounded time, readiness goes DOWN while
 * liveness stays UP, and once the database is back the service recovers by itself with every acknowledged write.
 */
@Tag(Lanes.PACKAGED)
@QuarkusIntegrationTest
@WithTestResource(ItDatabase.class)
class DatabaseOutageIT {

    /** The connection-acquisition timeout (3 s) and the connect timeout (3 s), with room for a loaded machine. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    /** The socket timeout (10 s), after which a silent server counts as unavailable, with room for a loaded machine. */
    private static final Duration FROZEN_ANSWER_WITHIN = Duration.ofSeconds(15);

    private static final String ADMIN = "Bearer " + PackagedAppIT.ADMIN_KEY;

    private static String createCluster(String code) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Outage cluster " + code, "regionCode", "CN-CQ"))
                .post("/api/v1/clusters").then().statusCode(201).extract().path("id");
    }

    private static Response timed(java.util.function.Supplier<Response> request) {
        long began = System.nanoTime();
        Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "answered after " + took);
        return response;
    }

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503AndTheServiceRecoversWithEveryAcknowledgedWrite() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(createCluster("before-outage-" + i + "-" + System.nanoTime()));
        }
        PostgresCluster cluster = PostgresCluster.ofEnvironment();
        cluster.stop();
        try {
            for (String path : List.of("/api/v1/clusters", "/api/v1/indicators", "/api/v1/clusters/" + acknowledged.get(0))) {
                timed(() -> given().header("Cache-Control", "no-cache").get(path)).then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", equalTo("5"))
                        .body("type", equalTo("urn:cqdrug:problem:database-unavailable"))
                        .body("requestId", org.hamcrest.Matchers.notNullValue());
            }
            timed(() -> given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("code", "during-outage", "name", "Never stored", "regionCode", "CN-CQ"))
                    .post("/api/v1/clusters")).then().statusCode(503);
            timed(() -> given().get("/q/health/ready")).then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
            // The alert rules read readiness from these gauges (docker/prometheus/alerts.yml).
            String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(scraped.contains("\ntracker_ready 0.0"), "tracker_ready is 0 while the database is down");
            assertTrue(scraped.contains("\ntracker_database_up 0.0"), "tracker_database_up is 0 while it is down");

            // Many at once: every one answers within the bound, none hangs and none is a 500.
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    answers.add(clients.submit(() -> timed(() -> given().header("Cache-Control", "no-cache")
                            .get("/api/v1/candidates")).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertEquals(503, answer.get(ANSWER_WITHIN.toSeconds() * 3, TimeUnit.SECONDS));
                }
            } finally {
                clients.shutdownNow();
            }
        } finally {
            cluster.start();
        }

        Awaitility.await("readiness after the database is back").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("\ntracker_ready 1.0") && scraped.contains("\ntracker_database_up 1.0"),
                "the readiness gauges are 1 again");
        for (String id : acknowledged) {
            given().get("/api/v1/clusters/" + id).then().statusCode(200).body("id", equalTo(id));
        }
        try (var connection = TestDatabases.connect(ItDatabase.NAME);
                var rows = connection.createStatement().executeQuery("select count(*) from cluster where code = 'during-outage'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "a write answered 503 was stored");
        }
        createCluster("after-outage-" + System.nanoTime());
    }

    /**
     * The server frozen (SIGSTOP to the postmaster and its backends) rather than stopped: nothing refuses, nothing
     * answers. Requests answer a 503 problem within the socket timeout (10 s) and a margin, readiness goes DOWN,
     * and after SIGCONT the service recovers by itself with every acknowledged write and no worker left waiting.
     */
    @Test
    void whileTheDatabaseIsFrozenRequestsAnswer503WithinTheSocketTimeoutAndAllRecovers() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(createCluster("before-freeze-" + i + "-" + System.nanoTime()));
        }
        PostgresCluster cluster = PostgresCluster.ofEnvironment();
        List<Long> took = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<String> frozen = cluster.freeze();
        long thawedAt;
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                answers.add(clients.submit(() -> {
                    long began = System.nanoTime();
                    Response response = n % 4 == 0
                            ? given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                                    .body(Map.of("code", "during-freeze-" + n, "name", "Never stored", "regionCode", "CN-CQ"))
                                    .post("/api/v1/clusters")
                            : given().header("Cache-Control", "no-cache").get(n % 4 == 1 ? "/api/v1/indicators"
                                    : "/api/v1/clusters/" + acknowledged.get(0));
                    took.add((System.nanoTime() - began) / 1_000_000);
                    if (response.statusCode() == 503) {
                        assertEquals("application/problem+json", response.contentType());
                        assertEquals("urn:cqdrug:problem:database-unavailable", response.jsonPath().getString("type"));
                    }
                    return response.statusCode();
                }));
            }
            long began = System.nanoTime();
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            long readiness = (System.nanoTime() - began) / 1_000_000;
            given().get("/q/health/live").then().statusCode(200);
            for (Future<Integer> answer : answers) {
                assertEquals(503, answer.get(FROZEN_ANSWER_WITHIN.toSeconds() * 3, TimeUnit.SECONDS));
            }
            long slowest = took.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf("Frozen database: readiness DOWN after %d ms; 32 requests answered 503, slowest after"
                    + " %d ms%n", readiness, slowest);
            assertTrue(slowest < FROZEN_ANSWER_WITHIN.toMillis(), "a request answered after " + slowest + " ms");
            assertTrue(readiness < FROZEN_ANSWER_WITHIN.toMillis(), "readiness answered after " + readiness + " ms");
        } finally {
            cluster.thaw(frozen);
            thawedAt = System.nanoTime();
        }
        Awaitility.await("readiness after the database thawed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        System.out.printf("Frozen database: ready again %d ms after SIGCONT%n", (System.nanoTime() - thawedAt) / 1_000_000);
        // Every worker is free again: as many requests at once as the pool has threads, each answered promptly.
        List<Future<Integer>> after = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            after.add(clients.submit(() -> timed(() -> given().header("Cache-Control", "no-cache")
                    .get("/api/v1/clusters?limit=5")).statusCode()));
        }
        for (Future<Integer> answer : after) {
            assertEquals(200, answer.get(30, TimeUnit.SECONDS));
        }
        clients.shutdownNow();
        for (String id : acknowledged) {
            given().get("/api/v1/clusters/" + id).then().statusCode(200).body("id", equalTo(id));
        }
        try (var connection = TestDatabases.connect(ItDatabase.NAME);
                var rows = connection.createStatement().executeQuery(
                        "select count(*) from cluster where code like 'during-freeze-%'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "a write answered 503 was stored");
        }
        createCluster("after-freeze-" + System.nanoTime());
    }

    /** The PostgreSQL cluster pg_virtualenv started, found by the port it listens on. */
    record PostgresCluster(String version, String name, java.nio.file.Path dataDirectory) {

        static PostgresCluster ofEnvironment() throws IOException, InterruptedException {
            String port = System.getenv().getOrDefault("PGPORT", "5432");
            for (String line : run("pg_lsclusters", "-h").split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 5 && fields[2].equals(port)) {
                    return new PostgresCluster(fields[0], fields[1], java.nio.file.Path.of(fields[5]));
                }
            }
            throw new IllegalStateException("No PostgreSQL cluster listens on port " + port + "; run under pg_virtualenv");
        }

        void stop() throws IOException, InterruptedException {
            run("pg_ctlcluster", version, name, "stop", "-m", "fast");
        }

        void start() throws IOException, InterruptedException {
            run("pg_ctlcluster", version, name, "start");
        }

        /**
         * Stops the server's processes where they stand (SIGSTOP to the postmaster and every backend), as a host
         * that hangs or a network that drops every packet leaves them: connections stay open, nothing answers.
         */
        List<String> freeze() throws IOException, InterruptedException {
            String postmaster = java.nio.file.Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
            List<String> pids = new ArrayList<>(List.of(postmaster));
            try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path process : (Iterable<java.nio.file.Path>) processes::iterator) {
                    try {
                        String stat = java.nio.file.Files.readString(process.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (fields[1].equals(postmaster)) {
                            pids.add(process.getFileName().toString());
                        }
                    } catch (IOException | RuntimeException notAProcess) {
                        // /proc/self, /proc/sys and processes gone meanwhile
                    }
                }
            }
            signal("-STOP", pids);
            return pids;
        }

        void thaw(List<String> pids) throws IOException, InterruptedException {
            signal("-CONT", pids);
        }

        private static void signal(String signal, List<String> pids) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("kill", signal));
            command.addAll(pids);
            run(command.toArray(String[]::new));
        }

        private static String run(String... command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        }
    }
}
