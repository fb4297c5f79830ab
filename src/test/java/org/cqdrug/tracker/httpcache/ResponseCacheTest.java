package org.cqdrug.tracker.httpcache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.cqdrug.tracker.testsupport.TestData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** Reads answered from memory: never after a change, by whichever instance or connection it was made. */
@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class ResponseCacheTest {

    private static final String ADMIN = "Bearer test-admin-key";

    @Inject
    SessionFactory sessions;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    /** Only the change counter's shared read (plain JDBC, not counted here) reaches the database. */
    @Test
    void anUnchangedReadIsAnsweredAgainFromMemoryWithTheSameBytes() {
        TestData.newCluster();
        Statistics statistics = sessions.getStatistics();
        String first = given().get("/api/v1/indicators").then().statusCode(200).extract().asString();
        long before = statistics.getPrepareStatementCount();
        Response again = given().get("/api/v1/indicators");
        again.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", equalTo("no-cache"));
        assertEquals(0, statistics.getPrepareStatementCount() - before);
        assertEquals(first, again.asString());
    }

    @Test
    void aWriteThroughThisInstanceIsSeenByTheVeryNextRead() {
        String id = TestData.newCluster();
        String path = "/api/v1/clusters/" + id;
        given().get(path).then().statusCode(200);
        given().get("/api/v1/clusters?regionCode=CN-HB&limit=500").then().statusCode(200);
        Map<String, Object> changed = TestData.cluster(TestData.unique("cache"));
        changed.put("name", "Renamed through the API");
        given().contentType(ContentType.JSON).body(changed).put(path).then().statusCode(200);
        given().get(path).then().statusCode(200).body("name", equalTo("Renamed through the API"));
        given().get("/api/v1/clusters?regionCode=CN-HB&limit=500").then().statusCode(200)
                .body("items.name", hasItem("Renamed through the API"));
    }

    /**
     * Another instance of the service is another session on the same database: the next read, sent right after its
     * commit returns, is computed afresh (TwoInstancesIT shows the same with two running instances).
     */
    @Test
    void aCommitByAnotherInstanceIsSeenByTheVeryNextRead() throws Exception {
        String id = TestData.newCluster();
        String path = "/api/v1/clusters/" + id;
        for (int round = 0; round < 50; round++) {
            String tag = given().get(path).then().statusCode(200).extract().header("ETag");
            given().get(path).then().statusCode(200); // now answered from memory
            String name = "Renamed elsewhere " + round;
            try (Connection other = DriverManager.getConnection(url, user, password.orElse(""));
                    PreparedStatement rename = other.prepareStatement(
                            "update cluster set name = ?, version = version + 1 where id = ?::uuid")) {
                rename.setString(1, name);
                rename.setString(2, id);
                assertEquals(1, rename.executeUpdate());
            }
            given().get(path).then().statusCode(200).body("name", equalTo(name)).header("ETag", not(equalTo(tag)));
        }
    }

    @Test
    void ifNoneMatchStillAnswers304ForAnAnswerKeptInMemory() {
        String id = TestData.newCluster();
        String list = "/api/v1/clusters?regionCode=CN-HB&limit=5";
        String listTag = given().get(list).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", listTag).get(list).then().statusCode(304).body(emptyString());
        String rowTag = given().get("/api/v1/clusters/" + id).then().statusCode(200).extract().header("ETag");
        given().get("/api/v1/clusters/" + id).then().statusCode(200).header("ETag", equalTo(rowTag));
        given().header("If-None-Match", rowTag).get("/api/v1/clusters/" + id)
                .then().statusCode(304).body(emptyString()).header("ETag", equalTo(rowTag));
    }

    @Test
    void noCacheInTheRequestRecomputesTheAnswer() {
        TestData.newCluster();
        given().get("/api/v1/targets").then().statusCode(200);
        Statistics statistics = sessions.getStatistics();
        long before = statistics.getPrepareStatementCount();
        given().header("Cache-Control", "no-cache").get("/api/v1/targets").then().statusCode(200);
        assertNotEquals(0, statistics.getPrepareStatementCount() - before);
    }

    @Test
    void aCallerWithAKeyIsNotAnsweredWhatAnotherRoleWasSent() {
        TestData.newCluster();
        String anonymous = given().get("/api/v1/targets").then().statusCode(200).extract().asString();
        Statistics statistics = sessions.getStatistics();
        long before = statistics.getPrepareStatementCount();
        String admin = given().header("Authorization", ADMIN).get("/api/v1/targets").then().statusCode(200)
                .extract().asString();
        assertNotEquals(0, statistics.getPrepareStatementCount() - before);
        assertEquals(anonymous, admin);
    }

    /** Requests that arrive together for an answer no one has yet compute it once between them. */
    @Test
    void simultaneousRequestsForTheSameNewAnswerComputeItOnce() throws Exception {
        Statistics statistics = sessions.getStatistics();
        TestData.newCluster();
        long before = statistics.getPrepareStatementCount();
        given().get("/api/v1/indicators").then().statusCode(200);
        long once = statistics.getPrepareStatementCount() - before;
        TestData.newCluster();
        before = statistics.getPrepareStatementCount();
        assertEquals(java.util.Collections.nCopies(8, 200),
                together(8, () -> given().get("/api/v1/indicators").statusCode()));
        assertEquals(once, statistics.getPrepareStatementCount() - before);
    }

    /** A first read that sends a row's current tag gets its 304, and the answer is kept for the reads after it. */
    @Test
    void aConditionalFirstReadAfterAChangeStillKeepsTheAnswer() {
        String id = TestData.newCluster();
        String path = "/api/v1/clusters/" + id;
        String rowTag = given().get(path).then().statusCode(200).extract().header("ETag");
        TestData.newCluster(); // the change counter moves; the row's own tag does not
        given().header("If-None-Match", rowTag).get(path).then().statusCode(304).body(emptyString())
                .header("ETag", equalTo(rowTag));
        Statistics statistics = sessions.getStatistics();
        long before = statistics.getPrepareStatementCount();
        given().get(path).then().statusCode(200).header("ETag", equalTo(rowTag));
        assertEquals(0, statistics.getPrepareStatementCount() - before);
    }

    /**
     * Requests with {@code Cache-Control: no-cache} arriving together are answered by two computations in a row (one
     * under way when they came, which none of them is given, and one begun after), not one each.
     */
    @Test
    void simultaneousNoCacheRequestsShareAComputationBegunAfterThem() throws Exception {
        Statistics statistics = sessions.getStatistics();
        TestData.newCluster();
        long before = statistics.getPrepareStatementCount();
        given().get("/api/v1/indicators").then().statusCode(200);
        long once = statistics.getPrepareStatementCount() - before;
        before = statistics.getPrepareStatementCount();
        int clients = 12;
        assertEquals(java.util.Collections.nCopies(clients, 200), together(clients,
                () -> given().header("Cache-Control", "no-cache").get("/api/v1/indicators").statusCode()));
        long spent = statistics.getPrepareStatementCount() - before;
        // two in a row when they all arrive during the first; a third when stragglers arrive after it ended
        org.junit.jupiter.api.Assertions.assertTrue(spent >= once && spent <= 3 * once,
                spent + " statements for " + clients + " requests; one computation takes " + once);
    }

    /** A kept answer goes out gzipped, compressed once, to a client that takes gzip, and plain to one that does not. */
    @Test
    void aKeptAnswerGoesGzippedToClientsThatTakeIt() throws Exception {
        TestData.newCluster();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/v1/indicators");
        String plain = client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body(); // computed, then kept
        java.net.http.HttpResponse<byte[]> zipped = client.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Accept-Encoding", "br, gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        org.junit.jupiter.api.Assertions.assertTrue(zipped.headers().firstValue("Vary").orElse("")
                .contains("Accept-Encoding"));
        org.junit.jupiter.api.Assertions.assertTrue(zipped.body().length < plain.length() / 2);
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(zipped.body()))) {
            assertEquals(plain, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        java.net.http.HttpResponse<String> refused = client.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Accept-Encoding", "gzip;q=0").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(java.util.Optional.empty(), refused.headers().firstValue("Content-Encoding"));
        assertEquals(plain, refused.body());
    }

    /**
     * Requests whose clients hang up while they compute or wait for an answer still hand it back, so the requests
     * after them are answered at once instead of waiting for a computation nobody will finish. The benchmark's
     * no-cache runs met that case (a whole run unanswered); this test makes the same kind of traffic, but has not
     * been seen to reproduce it: with the hand-back removed it still passes (KeptAnswers).
     */
    @Test
    void anAbandonedComputationDoesNotHoldUpTheRequestsAfterIt() throws Exception {
        TestData.newCluster();
        // The targets are held, so the first request's computation waits in the database while the others wait for
        // it; then every client hangs up, and the waiters are handed the next computation after they left.
        try (Connection holder = DriverManager.getConnection(url, user, password.orElse(""))) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table target in access exclusive mode");
            java.util.List<java.net.Socket> sockets = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port);
                sockets.add(socket);
                socket.getOutputStream().write(("GET /api/v1/indicators HTTP/1.1\r\nHost: localhost\r\n"
                        + "Cache-Control: no-cache\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            // the first computation is in the database, held by the lock, before any client hangs up
            org.awaitility.Awaitility.await("a computation waiting on the held targets")
                    .atMost(java.time.Duration.ofSeconds(3)).until(() -> TestData.count("select count(*) from"
                            + " pg_stat_activity where wait_event_type = 'Lock' and query like '%target%'") > 0);
            for (java.net.Socket socket : sockets) {
                socket.close();
            }
            holder.rollback();
        }
        for (String cacheControl : new String[] {"no-cache", "max-age=0"}) {
            long began = System.nanoTime();
            given().header("Cache-Control", cacheControl).get("/api/v1/indicators").then().statusCode(200);
            long seconds = java.time.Duration.ofNanos(System.nanoTime() - began).toSeconds();
            org.junit.jupiter.api.Assertions.assertTrue(seconds < 5, cacheControl + ": answered in " + seconds + " s");
        }
    }

    /** The statuses of requests sent by that many clients at once, released together. */
    private static java.util.List<Integer> together(int clients, java.util.concurrent.Callable<Integer> request)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
