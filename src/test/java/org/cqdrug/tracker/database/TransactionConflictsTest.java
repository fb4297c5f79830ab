package org.cqdrug.tracker.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults that are not outages, made real by a trigger on the cluster table: a serialization failure is retried (the
 * whole transaction, with or without an Idempotency-Key) and answered 503 only when it outlasts the retries; a
 * statement past the statement timeout is answered as one. Each is logged with its stack trace.
 */
@Tag(Lanes.DATABASE)
@QuarkusTest
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class TransactionConflictsTest {

    private static final String CLUSTERS = "/api/v1/clusters";
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void faultyInserts() {
        // A cluster whose code starts with 'collide-' fails its first (or every, for 'collide-always-') attempt with
        // SQLSTATE 40001; one starting with 'slow-' sleeps past the statement timeout. The sequence counts attempts,
        // since it is not rolled back with them.
        TestData.execute("create sequence if not exists test_attempts");
        TestData.execute("""
                create or replace function test_faulty_insert() returns trigger language plpgsql as $$
                begin
                    if new.code like 'collide-%' then
                        if nextval('test_attempts') = 1 or new.code like 'collide-always-%' then
                            raise exception 'could not serialize access' using errcode = '40001';
                        end if;
                    elsif new.code like 'slow-%' then
                        perform pg_sleep(30);
                    end if;
                    return new;
                end $$""");
        TestData.execute("create or replace trigger test_faulty_insert before insert on cluster for each row"
                + " execute function test_faulty_insert()");
        TestData.execute("alter sequence test_attempts restart");
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void soundInserts() {
        Logger.getLogger("").removeHandler(capture);
        TestData.execute("drop trigger test_faulty_insert on cluster");
        TestData.execute("drop function test_faulty_insert()");
        TestData.execute("drop sequence test_attempts");
    }

    private static long attempts() {
        return TestData.count("select last_value from test_attempts");
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    @Test
    void aWriteRolledBackByASerializationFailureRunsAgainAndSucceeds() {
        String code = TestData.unique("collide");
        json().body(TestData.cluster(code)).post(CLUSTERS).then().statusCode(201).body("code", equalTo(code));
        assertEquals(2, attempts());
        assertEquals(1, TestData.count("select count(*) from cluster where code = ?", code));
        assertTrue(loggedWithTrace("collided with a concurrent transaction"), "the retry is logged with its cause");
    }

    @Test
    void aKeyedWriteRunsAgainWithItsKeyInTheSameTransaction() {
        String code = TestData.unique("collide");
        String key = UUID.randomUUID().toString();
        json().header("Idempotency-Key", key).body(TestData.cluster(code)).post(CLUSTERS).then().statusCode(201);
        assertEquals(2, attempts());
        json().header("Idempotency-Key", key).body(TestData.cluster(code)).post(CLUSTERS).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        assertEquals(1, TestData.count("select count(*) from cluster where code = ?", code));
    }

    @Test
    void aCollisionThatOutlastsTheRetriesAnswers503AndChangesNothing() {
        String code = TestData.unique("collide-always");
        json().body(TestData.cluster(code)).post(CLUSTERS).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "1")
                .body("type", equalTo("urn:cqdrug:problem:busy"));
        assertEquals(TransactionConflicts.ATTEMPTS, attempts());
        assertEquals(0, TestData.count("select count(*) from cluster where code = ?", code));
    }

    @Test
    void aStatementPastTheStatementTimeoutIsAnsweredAsOneAndLoggedWithItsTrace() {
        String code = TestData.unique("slow");
        long began = System.nanoTime();
        json().body(Map.of("code", code, "name", "Slow", "regionCode", "CN-CQ")).post(CLUSTERS).then()
                .statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:cqdrug:problem:statement-timeout")).header("Retry-After", "5");
        long tookSeconds = (System.nanoTime() - began) / 1_000_000_000;
        assertTrue(tookSeconds < 10, "cancelled by the server before the socket timeout: " + tookSeconds + " s");
        assertEquals(0, TestData.count("select count(*) from cluster where code = ?", code));
        assertTrue(loggedWithTrace("statement timeout"), "logged with its stack trace");
    }

    /** A write that waits past the lock timeout for the row another write holds (here, the change counter's). */
    @Test
    void aWriteThatWaitsPastTheLockTimeoutAnswersBusyAndChangesNothing() throws Exception {
        String code = TestData.unique("blocked");
        try (java.sql.Connection holder = org.cqdrug.tracker.testsupport.TestDatabases.connect(
                System.getenv().getOrDefault("PGDATABASE", "postgres"))) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select version from change_log where id = 1 for update");
            json().body(TestData.cluster(code)).post(CLUSTERS).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("type", equalTo("urn:cqdrug:problem:busy"))
                    .body("detail", org.hamcrest.Matchers.containsString("waited too long"));
            holder.rollback();
        }
        assertEquals(0, TestData.count("select count(*) from cluster where code = ?", code));
        assertTrue(loggedWithTrace("waited too long for a lock"), "logged with its stack trace");
    }

    private boolean loggedWithTrace(String words) {
        synchronized (logged) {
            return logged.stream().anyMatch(r -> r.getThrown() != null && String.valueOf(r.getMessage()).contains(words)
                    || r.getThrown() != null && r.getParameters() != null
                            && java.util.Arrays.toString(r.getParameters()).contains(words)
                    || r.getThrown() != null && formatted(r).contains(words));
        }
    }

    private static String formatted(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        try {
            return record.getParameters() == null ? message : String.format(message, record.getParameters());
        } catch (RuntimeException e) {
            return message;
        }
    }
}
