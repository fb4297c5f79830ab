package org.cqdrug.tracker.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** A POST retried with its Idempotency-Key answers the first answer and writes once. */
@Tag(Lanes.DATABASE)
@QuarkusTest
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class IdempotencyTest {

    private static final String CLUSTERS = "/api/v1/clusters";

    private static ExtractableResponse<Response> post(String key, Map<String, Object> body) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(CLUSTERS)
                .then().extract();
    }

    @Test
    void aRetryGetsTheFirstAnswerAndWritesNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = TestData.cluster(TestData.unique("idem"));
        ExtractableResponse<Response> first = post(key, body);
        ExtractableResponse<Response> retry = post(key, body);
        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.jsonPath().getString("createdAt"), retry.jsonPath().getString("createdAt"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1, TestData.count("select count(*) from cluster where code = ?", body.get("code")));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        post(key, TestData.cluster(TestData.unique("idem")));
        Map<String, Object> other = TestData.cluster(TestData.unique("other"));
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(other).post(CLUSTERS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cqdrug:problem:idempotency-key-reused"));
        assertEquals(0, TestData.count("select count(*) from cluster where code = ?", other.get("code")));
    }

    @Test
    void concurrentRequestsWithOneKeyWriteOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = TestData.cluster(TestData.unique("race"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ExtractableResponse<Response>>> posts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                posts.add(() -> post(key, body));
            }
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : pool.invokeAll(posts)) {
                int status = answer.get().statusCode();
                assertTrue(status == 201 || status == 409, "status " + status);
                if (status == 201) {
                    ids.add(answer.get().jsonPath().getString("id"));
                } else {
                    // Not the unique code's conflict: the key held the second request off.
                    assertEquals("urn:cqdrug:problem:idempotency-in-progress", answer.get().jsonPath().getString("type"));
                }
            }
            assertEquals(1, ids.size(), ids.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestData.count("select count(*) from cluster where code = ?", body.get("code")));
    }

    @Test
    void aRefusedFirstAttemptIsReplayedAsRefused() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = TestData.cluster("NOT A SLUG");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(CLUSTERS)
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(CLUSTERS)
                .then().statusCode(400).contentType("application/problem+json").header("Idempotent-Replayed", "true")
                .body("errors[0].field", equalTo("code"));
    }

    /**
     * The answer is stored in the transaction of the write: when storing it fails, the write is rolled back with
     * it, and the retry then writes once. (Stored after the write's commit, the first attempt would leave a cluster
     * whose answer was lost, and the retry a second one or a refusal.)
     */
    @Test
    void theWriteAndItsStoredAnswerCommitTogetherOrNotAtAll() {
        String key = "both-or-neither-" + UUID.randomUUID();
        Map<String, Object> body = TestData.cluster(TestData.unique("both"));
        TestData.execute("""
                create or replace function test_refuse_answer() returns trigger language plpgsql as $$
                begin raise exception 'the answer cannot be stored'; end $$""");
        TestData.execute("create trigger test_refuse_answer before update on idempotency_key for each row"
                + " when (new.idempotency_key like 'both-or-neither-%') execute function test_refuse_answer()");
        try {
            assertEquals(500, post(key, body).statusCode());
            assertEquals(0, TestData.count("select count(*) from cluster where code = ?", body.get("code")),
                    "the write stayed though its answer was not stored");
            assertEquals(0, TestData.count("select count(*) from idempotency_key where idempotency_key = ?", key));
        } finally {
            TestData.execute("drop trigger test_refuse_answer on idempotency_key");
            TestData.execute("drop function test_refuse_answer()");
        }
        ExtractableResponse<Response> retry = post(key, body);
        assertEquals(201, retry.statusCode());
        assertEquals(null, retry.header("Idempotent-Replayed"));
        assertEquals(1, TestData.count("select count(*) from cluster where code = ?", body.get("code")));
        assertEquals("true", post(key, body).header("Idempotent-Replayed"));
    }

    /**
     * A key is held only by a live transaction: a retry waits while it runs, is told 409 after half a second, and takes the key at once when that transaction's connection dies (as when its instance is killed),
     * with nothing left behind.
     */
    @Test
    void aKeyIsHeldOnlyWhileTheTransactionHoldingItLives() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = TestData.cluster(TestData.unique("held"));
        java.sql.Connection raw = org.cqdrug.tracker.testsupport.TestDatabases.connect(
                System.getenv().getOrDefault("PGDATABASE", "postgres"));
        try {
            raw.setAutoCommit(false);
            try (java.sql.PreparedStatement take = raw.prepareStatement("insert into idempotency_key"
                    + " (principal, idempotency_key, fingerprint, created_at) values ('test-admin', ?, 'x', now())")) {
                take.setString(1, key);
                take.executeUpdate();
            }
            long began = System.nanoTime();
            ExtractableResponse<Response> waiting = post(key, body);
            long waited = (System.nanoTime() - began) / 1_000_000;
            assertEquals(409, waiting.statusCode());
            assertEquals("urn:cqdrug:problem:idempotency-in-progress", waiting.jsonPath().getString("type"));
            assertEquals("1", waiting.header("Retry-After"));
            // it waited for the key briefly (half a second), not the session's lock timeout (4 s), holding a connection
            assertTrue(waited >= 400 && waited < 3_000, "waited " + waited + " ms for the key");
        } finally {
            raw.abort(Runnable::run); // the connection dies with its transaction open, as a killed process's does
        }
        ExtractableResponse<Response> retry = post(key, body);
        assertEquals(201, retry.statusCode());
        assertEquals(1, TestData.count("select count(*) from cluster where code = ?", body.get("code")));
    }
}
