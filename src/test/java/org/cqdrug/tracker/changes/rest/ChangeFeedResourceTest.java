package org.cqdrug.tracker.changes.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.DATABASE)
@QuarkusTest
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class ChangeFeedResourceTest {

    private static final String CHANGES = "/api/v1/changes";

    private static long latest() {
        return given().queryParam("limit", 1).get(CHANGES).then().statusCode(200).extract().jsonPath()
                .getLong("latestRevision");
    }

    /** Reads the whole feed after a revision, following cursors; answers the changes and the new latest revision. */
    private static long readAll(long since, List<Map<String, Object>> into) {
        String cursor = null;
        long latest;
        do {
            var request = given().queryParam("since", since).queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(CHANGES).then().statusCode(200).extract().jsonPath();
            into.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            latest = page.getLong("latestRevision");
        } while (cursor != null);
        return latest;
    }

    @Test
    void theFeedListsExactlyTheChangesAfterARevisionInOrder() {
        long before = latest();
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String candidate = TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
        List<Map<String, Object>> changes = new ArrayList<>();
        readAll(before, changes);
        assertEquals(List.of("clusters", "organizations", "candidates", "milestones"),
                changes.stream().map(c -> (String) c.get("resource")).toList());
        assertEquals(List.of(cluster, sponsor, candidate), changes.subList(0, 3).stream().map(c -> c.get("id")).toList());
        assertTrue(changes.stream().allMatch(c -> ((Number) c.get("revision")).longValue() > before));
        assertEquals("/api/v1/candidates/" + candidate, changes.get(2).get("path"));
        assertTrue(((String) changes.get(3).get("path")).startsWith("/api/v1/candidates/" + candidate + "/milestones/"));
        assertEquals("CREATED", changes.get(0).get("operation"));
        assertEquals("test-admin", changes.get(0).get("author"));
    }

    @Test
    void aPollerMissesNoChangeWhileWritersRunConcurrently() throws Exception {
        long since = latest();
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        written.add(TestData.newCluster());
                    }
                }));
            }
            List<Map<String, Object>> seen = new ArrayList<>();
            Future<?> poller = pool.submit(() -> {
                long cursor = since;
                while (writing.get()) {
                    cursor = readAll(cursor, seen);
                }
                readAll(cursor, seen);
            });
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            poller.get();
            Set<String> created = new HashSet<>();
            long previous = since;
            for (Map<String, Object> change : seen) {
                long revision = ((Number) change.get("revision")).longValue();
                assertTrue(revision >= previous, "revisions out of order: " + previous + " then " + revision);
                previous = revision;
                if ("clusters".equals(change.get("resource"))) {
                    assertTrue(created.add((String) change.get("id")), "seen twice: " + change);
                }
            }
            assertEquals(written, created);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aForgedCursorAnswers400() {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"k2\",\"changes:0\",\"x\",\"y\",\"z\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().queryParam("cursor", forged).get(CHANGES).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
    }

    @Test
    void milestonesDeletedWithTheirApprovalAreInTheHistoryAndTheFeed() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String candidate = TestData.newCandidate(sponsor, null, "1", "NDA_SUBMITTED");
        String approval = TestData.create("/api/v1/approvals",
                TestData.approval(candidate, "NMPA", "2025-03-03", TestData.unique("N")));
        String milestone = given().get("/api/v1/candidates/" + candidate + "/milestones").then().extract().jsonPath()
                .getString("find { it.approvalId != null }.id");
        long before = latest();
        given().delete("/api/v1/approvals/" + approval).then().statusCode(204);
        given().get("/api/v1/candidates/" + candidate + "/milestones/" + milestone + "/history").then().statusCode(200)
                .body("operation", org.hamcrest.Matchers.contains("CREATED", "DELETED"));
        List<Map<String, Object>> changes = new ArrayList<>();
        readAll(before, changes);
        assertTrue(changes.stream().anyMatch(c -> milestone.equals(c.get("id")) && "DELETED".equals(c.get("operation"))),
                changes.toString());
    }
}
