package org.cqdrug.tracker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Creates with Idempotency-Keys, retried by many clients while the packaged service is killed (SIGKILL) again and
 * again in the middle of them and started again: each key ends with exactly one row, every answer for a key names
 * the same record, and the keys that were in flight at a crash are answered within seconds of the service being back
 * (no claim outlives the process that held it).
 */
@Tag(Lanes.PACKAGED)
class CrashIT {

    private static final String KEY = "crash-admin-key";
    private static final String DATABASE = "crash_" + UUID.randomUUID().toString().substring(0, 8);
    private static final int CLIENTS = 12;
    /** Each client goes on with new keys while the crashes go on, and does at least this many. */
    private static final int KEYS_PER_CLIENT = 20;
    private static final int CRASHES = 4;
    /** How long a key may go unanswered after the service is back; a claim orphaned by a crash would take minutes. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static volatile PackagedInstance instance;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        TestDatabases.recreate(DATABASE);
        port = PackagedInstance.freePort();
        instance = PackagedInstance.start("crash", port, DATABASE, KEY, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (instance != null) {
            instance.close();
        }
        try (Connection admin = TestDatabases.connect(System.getenv().getOrDefault("PGDATABASE", "postgres"));
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void everyKeyRetriedAcrossCrashesWritesOnceAndIsAnsweredSoonAfterTheServiceIsBack() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, String> answered = new ConcurrentHashMap<>();
        Map<String, String> codes = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicBoolean crashing = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong backAt = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int k = 0; crashing.get() || k < KEYS_PER_CLIENT; k++) {
                    String key = UUID.randomUUID().toString();
                    String code = "crash-" + client + "-" + k + "-" + key.substring(0, 8);
                    codes.put(key, code);
                    String body = "{\"code\":\"" + code + "\",\"name\":\"Crash " + code + "\",\"regionCode\":\"CN-CQ\"}";
                    long[] deadline = {Long.MAX_VALUE};
                    // Each attempt is one poll: retried, with the same key, until it is answered for good.
                    Awaitility.await("key " + key).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                            .atMost(Duration.ofMinutes(3)).until(() -> {
                                attempts.incrementAndGet();
                                int status = -1;
                                String answer = null;
                                try {
                                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/api/v1/clusters"))
                                            .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + KEY)
                                            .header("Idempotency-Key", key).header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                            HttpResponse.BodyHandlers.ofString());
                                    status = response.statusCode();
                                    answer = response.body();
                                } catch (IOException e) {
                                    // the instance is down or was killed mid-request: retry the same key
                                }
                                if (status == 201) {
                                    Matcher id = ID.matcher(answer);
                                    assertTrue(id.find(), answer);
                                    String earlier = answered.putIfAbsent(key, id.group(1));
                                    if (earlier != null && !earlier.equals(id.group(1))) {
                                        failures.add(key + " answered " + earlier + " then " + id.group(1));
                                    }
                                    return true;
                                }
                                // 409 only as "in progress": a conflict (the code in use) would mean the first answer was lost
                                boolean inProgress = status == 409 && answer.contains("idempotency-in-progress");
                                if (status != -1 && !inProgress && status != 503) {
                                    failures.add(key + " answered " + status + ": " + answer);
                                    return true;
                                }
                                if (!crashing.get()) {
                                    long now = System.nanoTime();
                                    deadline[0] = Math.min(deadline[0], Math.max(now, backAt.get()) + ANSWERED_WITHIN.toNanos());
                                    if (now > deadline[0]) {
                                        unanswered.incrementAndGet();
                                        failures.add(key + " still unanswered " + ANSWERED_WITHIN.toSeconds()
                                                + " s after the service was back (last " + status + ": " + answer + ")");
                                        return true;
                                    }
                                }
                                return false;
                            });
                }
                return null;
            }));
        }
        for (int crash = 0; crash < CRASHES; crash++) {
            // killed while the clients are busy: a further batch of keys answered since the last start
            int mark = answered.size();
            int more = ThreadLocalRandom.current().nextInt(CLIENTS * 3, CLIENTS * 8);
            Awaitility.await("keys answered before crash " + (crash + 1)).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20)).until(() -> answered.size() >= mark + more);
            instance.kill();
            instance = PackagedInstance.start("crash", port, DATABASE, KEY, Map.of());
            backAt.set(System.nanoTime());
        }
        crashing.set(false);
        for (Future<?> client : clients) {
            client.get(3, TimeUnit.MINUTES);
        }
        long settled = (System.nanoTime() - backAt.get()) / 1_000_000;
        pool.shutdownNow();
        assertEquals(List.of(), failures);
        assertEquals(0, unanswered.get());
        assertEquals(codes.size(), answered.size());
        assertTrue(answered.size() >= CLIENTS * KEYS_PER_CLIENT);
        try (Connection connection = TestDatabases.connect(DATABASE); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select code, id, count(*) over (partition by code)"
                        + " from cluster where code like 'crash-%'")) {
            Map<String, String> stored = new java.util.HashMap<>();
            while (rows.next()) {
                assertEquals(1, rows.getInt(3), "one row for " + rows.getString(1));
                stored.put(rows.getString(1), rows.getString(2));
            }
            assertEquals(answered.size(), stored.size(), "one row per key, and none without an answer");
            for (Map.Entry<String, String> key : answered.entrySet()) {
                assertEquals(key.getValue(), stored.get(codes.get(key.getKey())), "the answer names the row");
            }
        }
        System.out.printf("CrashIT: %d keys, %d attempts, %d crashes; every key answered %d ms after the last restart%n",
                answered.size(), attempts.get(), CRASHES, settled);
    }
}
