package org.cqdrug.tracker.benchmark;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Indicator latency with a large pipeline: 100,000 candidates (with a milestone each) and 10,000 approvals, against
 * the demo target in the same run. Not part of the test suite; run it with
 * {@code pg_virtualenv ./mvnw verify -Pbenchmark}. It prints its figures and writes them to target/benchmark.txt.
 */
@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
@Tag("benchmark")
class IndicatorBenchmark {

    private static final int CANDIDATES = 100_000;
    private static final int APPROVALS = 10_000;
    private static final int WARMUP = 10;
    private static final int RUNS = 40;
    private static final String BIG_TARGET = "01960000-0000-7000-8000-00000000b001";
    private static final String DEMO_TARGET = "01900000-0000-7000-8000-000000000601";

    @Inject
    DataSource dataSource;

    @Test
    void indicatorLatencyWithALargePipeline() throws Exception {
        long loadStart = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        double[] demo = measure(DEMO_TARGET);
        double[] big = measure(BIG_TARGET);
        String report = String.format(Locale.ROOT, """
                Indicator benchmark (%d candidates, %d approvals; loaded in %.1f s)
                  demo target (8 candidates):      median %.1f ms, p95 %.1f ms
                  large target (%d candidates):   median %.1f ms, p95 %.1f ms
                  ratio large / demo (median):     %.1f
                """, CANDIDATES, APPROVALS, loadSeconds, demo[0], demo[1], CANDIDATES, big[0], big[1], big[0] / demo[0]);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark.txt"), report, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private double[] measure(String target) {
        double[] millis = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            given().queryParam("targetId", target).queryParam("asOf", "2026-11-28")
                    .get("/api/v1/indicators").then().statusCode(200);
            if (i >= WARMUP) {
                millis[i - WARMUP] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]};
    }

    /** Bulk-loads a synthetic pipeline in its own region (CN-ZJ), apart from the demo data, with SQL; every row is marked as benchmark data. */
    private void load() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into organization (id, name, kind, region_code, created_at, updated_at, version)
                    select ('01960000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'BENCHMARK sponsor ' || g,
                           'COMPANY', case when g % 10 = 0 then 'CN-SC' else 'CN-ZJ' end, now(), now(), 0
                    from generate_series(1, 200) g
                    """);
            s.execute("""
                    insert into candidate (id, code, sponsor_id, category, registration_class, modality, phase,
                                           expected_decision_on, note, created_at, updated_at, version)
                    select ('01961000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'BENCH-' || g,
                           ('01960000-0000-7000-8000-' || lpad(to_hex(1 + g % 200), 12, '0'))::uuid,
                           (array['CHEMICAL','THERAPEUTIC_BIOLOGIC','PREVENTIVE_BIOLOGIC','TCM'])[1 + g % 4],
                           (array['1','1.1','2.2','3','1'])[1 + g % 5], 'OTHER',
                           case when g <= $APPROVALS then 'APPROVED'
                                else (array['PRECLINICAL','IND_APPROVED','PHASE_1','PHASE_2','PHASE_3','NDA_SUBMITTED','DISCONTINUED'])[1 + g % 7] end,
                           case when g % 7 = 5 and g % 2 = 0 then date '2026-12-01' + (g % 700) end,
                           'BENCHMARK', now(), now(), 0
                    from generate_series(1, $CANDIDATES) g
                    """.replace("$APPROVALS", Integer.toString(APPROVALS)).replace("$CANDIDATES", Integer.toString(CANDIDATES)));
            s.execute("""
                    insert into milestone (id, candidate_id, phase, reached_on, created_at, updated_at, version)
                    select gen_random_uuid(), c.id, c.phase, date '2019-01-01' + (abs(hashtext(c.code)) % 2800),
                           now(), now(), 0
                    from candidate c where c.note = 'BENCHMARK'
                    """);
            s.execute("""
                    insert into approval (id, candidate_id, authority, approved_on, approval_number, registration_class,
                                          category, approval_type, created_at, updated_at, version)
                    select gen_random_uuid(), c.id, case when g % 20 = 0 then 'FDA' else 'NMPA' end,
                           date '2015-01-01' + (g * 7 % 4350), 'BENCH-' || g, c.registration_class, c.category,
                           'STANDARD', now(), now(), 0
                    from generate_series(1, $APPROVALS) g
                    join candidate c on c.id = ('01961000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid
                    """.replace("$APPROVALS", Integer.toString(APPROVALS)));
            s.execute("""
                    insert into target (id, code, name, region_code, metric, authority, from_year, to_year, annual_min,
                                        annual_max, created_at, updated_at, version)
                    values ('$TARGET', 'benchmark-cn-zj', 'BENCHMARK target', 'CN-ZJ', 'CLASS1_APPROVALS', 'NMPA', 2025, 2027,
                            1, 3, now(), now(), 0)
                    """.replace("$TARGET", BIG_TARGET));
            s.execute("analyze");
        }
    }
}
