package org.cqdrug.tracker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The backup drill of src/docs/operations.md, under write load: pg_dump in custom format while writers go on,
 * pg_restore into a new database, and the packaged service started on it. Every write acknowledged before the dump
 * began is there, with its history, and the restored service answers the same ETag and history for it as the first.
 */
@Tag(Lanes.PACKAGED)
class BackupRestoreIT {

    private static final String KEY = "backup-admin-key";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String ORIGINAL = "backup_" + SUFFIX;
    private static final String RESTORED = "restored_" + SUFFIX;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Written(String id, String path) {
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        try (Connection admin = TestDatabases.connect(System.getenv().getOrDefault("PGDATABASE", "postgres"));
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + ORIGINAL + " with (force)");
            statement.execute("drop database if exists " + RESTORED + " with (force)");
        }
    }

    @Test
    void aDumpTakenUnderWritesRestoresEveryWriteAcknowledgedBeforeItWithItsHistoryAndTags() throws Exception {
        TestDatabases.recreate(ORIGINAL);
        Path dump = Path.of("target", "backup-drill.dump").toAbsolutePath();
        Files.deleteIfExists(dump);
        List<Written> acknowledged = new CopyOnWriteArrayList<>();
        List<Written> beforeDump;
        try (PackagedInstance original = PackagedInstance.start("backup-original", ORIGINAL, KEY, Map.of())) {
            AtomicBoolean writing = new AtomicBoolean(true);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int n = 0; writing.get(); n++) {
                    String code = "backup-" + n + "-" + SUFFIX;
                    String cluster = post(original, "/api/v1/clusters",
                            "{\"code\":\"" + code + "\",\"name\":\"Backup " + n + "\",\"regionCode\":\"CN-CQ\"}");
                    // a second revision, so that history has more than the creation to compare
                    String tag = get(original, "/api/v1/clusters/" + cluster).headers().firstValue("ETag").orElseThrow();
                    patch(original, "/api/v1/clusters/" + cluster, tag, "{\"name\":\"Backup " + n + " renamed\"}");
                    acknowledged.add(new Written(cluster, "/api/v1/clusters/" + cluster));
                }
            });
            Awaitility.await("writes before the dump").atMost(Duration.ofSeconds(60))
                    .until(() -> acknowledged.size() >= 20);
            beforeDump = new ArrayList<>(acknowledged);
            int exit = run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + ORIGINAL);
            assertEquals(0, exit, "pg_dump");
            int duringDump = acknowledged.size() - beforeDump.size();
            writing.set(false);
            writer.get(60, TimeUnit.SECONDS);

            Map<String, String[]> seen = new java.util.HashMap<>();
            for (Written written : beforeDump) {
                HttpResponse<String> row = get(original, written.path());
                seen.put(written.id(), new String[] {row.headers().firstValue("ETag").orElseThrow(), row.body(),
                        get(original, written.path() + "/history").body()});
            }
            TestDatabases.recreate(RESTORED);
            assertEquals(0, run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + RESTORED, dump.toString()),
                    "pg_restore");
            // The drill's last step: the change counter moves past every value the lost instance may have tagged
            // answers with since the dump, so that no client's ETag from then matches the restored data by chance.
            long lastTagged = counter(ORIGINAL);
            try (Connection restoredDb = TestDatabases.connect(RESTORED); Statement statement = restoredDb.createStatement()) {
                statement.execute(RESTORE_COUNTER_STEP);
            }
            assertTrue(counter(RESTORED) > lastTagged, "the restored counter is past every tag the original gave");
            try (PackagedInstance restored = PackagedInstance.start("backup-restored", RESTORED, KEY, Map.of())) {
                for (Written written : beforeDump) {
                    HttpResponse<String> row = get(restored, written.path());
                    assertEquals(200, row.statusCode(), written.path() + " was acknowledged before the dump");
                    String[] before = seen.get(written.id());
                    assertEquals(before[0], row.headers().firstValue("ETag").orElseThrow(), "the same ETag");
                    assertEquals(before[1], row.body());
                    assertEquals(before[2], get(restored, written.path() + "/history").body(), "the same history");
                }
                // The restored service writes on, its counters and sequences where the dump left them.
                String after = post(restored, "/api/v1/clusters",
                        "{\"code\":\"after-restore-" + SUFFIX + "\",\"name\":\"After\",\"regionCode\":\"CN-CQ\"}");
                assertEquals(200, get(restored, "/api/v1/clusters/" + after).statusCode());
                System.out.printf("Backup drill: %d writes acknowledged before the dump, %d during it; all restored%n",
                        beforeDump.size(), duringDump);
            }
        }
    }

    /** As src/docs/operations.md gives it. */
    static final String RESTORE_COUNTER_STEP = "update change_log set version = version + 1000000000 where id = 1;"
            + " update input_version set version = version + 1000000000";

    private static long counter(String database) throws Exception {
        try (Connection connection = TestDatabases.connect(database); Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("select version from change_log where id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "backup-drill.log").toFile()));
        builder.environment().put("PGPASSWORD", TestDatabases.password());
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
        return process.exitValue();
    }

    private static HttpResponse<String> get(PackagedInstance instance, String path) {
        return send(HttpRequest.newBuilder(URI.create(instance.url + path)).GET());
    }

    private static String post(PackagedInstance instance, String path, String json) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(instance.url + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = ID.matcher(created.body());
        assertTrue(id.find(), created.body());
        return id.group(1);
    }

    private static void patch(PackagedInstance instance, String path, String tag, String json) {
        HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(instance.url + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", tag).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(200, patched.statusCode(), patched.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
