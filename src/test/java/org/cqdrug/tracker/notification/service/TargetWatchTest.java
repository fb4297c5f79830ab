package org.cqdrug.tracker.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.indicator.service.IndicatorService;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Judging the targets when rounds of several instances overlap: each makes its report outside a transaction and
 * records it under the counter and day it read first, so one begun under an older counter, or on an earlier day,
 * must not undo a newer one. The assertions follow this test's own target, whatever else its region holds.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class TargetWatchTest {

    private static final String REGION = "CN-NX";

    @Inject
    TargetWatch watch;

    @Inject
    IndicatorService indicators;

    @Inject
    Clock clock;

    @Test
    void aRoundUnderAnOlderCounterRecordsNothingOverANewerOne() {
        String target = TestData.create("/api/v1/targets", TestData.target(TestData.unique("nx"), REGION, null, 2026,
                2026));
        watch.watch(); // judged for the first time: recorded, no event
        assertEquals(1, TestData.count("select count(*) from target_state where target_id = ?::uuid and period ="
                + " '2026'", target));
        long recorded = TestData.count("select last_change from event_worker where name = 'targets'");
        long judgedAt = judgedAt(target);

        // an approval that meets the year's minimum: a report made now changes the target's status
        String candidate = TestData.newCandidate(TestData.newOrganization(REGION, null), null, "1", "NDA_SUBMITTED");
        TestData.create("/api/v1/approvals", TestData.approval(candidate, "NMPA", "2026-06-01",
                "国药准字S2026" + (1000 + (int) (Math.random() * 8000))));
        IndicatorReport changed = indicators.currentReport();
        LocalDate today = LocalDate.now(clock);

        assertEquals(0, record(recorded - 1, today, changed), "an older round");
        assertEquals(judgedAt, judgedAt(target), "an older round left the recorded judgment");
        assertEquals(0, record(recorded, today, changed), "the same round again");
        assertEquals(judgedAt, judgedAt(target));
        assertEquals(0, TestData.count("select count(*) from event where target_id = ?::uuid", target));

        long now = TestData.count("select version from change_log where id = 1");
        assertTrue(record(now, today, changed) > 0, "a newer round records the change");
        assertTrue(judgedAt != judgedAt(target), "the newer round recorded the new judgment");

        // an instance whose clock is behind another's around midnight, with a later counter
        record(now + 1, today.minusDays(1), changed);
        assertEquals(now, TestData.count("select last_change from event_worker where name = 'targets'"),
                "a round on an earlier day is not recorded");
    }

    /** A scheduled round, or one run by any other thread, has no request context of its own: it makes one. */
    @Test
    void aRoundOnAThreadWithoutARequestContextJudges() throws Exception {
        String target = TestData.create("/api/v1/targets", TestData.target(TestData.unique("nx"), REGION, null, 2026,
                2026));
        CompletableFuture.supplyAsync(watch::watch).get(60, TimeUnit.SECONDS);
        assertEquals(1, TestData.count("select count(*) from target_state where target_id = ?::uuid and period ="
                + " '2026'", target));
    }

    /** A round's recording, as {@link TargetWatch#watch} makes it: in a transaction of its own. */
    private int record(long counter, LocalDate day, IndicatorReport report) {
        return QuarkusTransaction.requiringNew().call(() -> watch.record(new TargetWatch.Due(counter, day), report));
    }

    /** When the target's judgment of 2026 was last recorded, in microseconds: a round that records it moves it. */
    private static long judgedAt(String target) {
        return TestData.count("select cast(extract(epoch from judged_at) * 1000000 as bigint) from target_state"
                + " where target_id = ?::uuid and period = '2026'", target);
    }
}
