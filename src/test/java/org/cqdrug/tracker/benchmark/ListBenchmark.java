package org.cqdrug.tracker.benchmark;

import static io.restassured.RestAssured.given;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cqdrug.tracker.common.paging.Cursors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * List latency at depth and CSV export throughput over 1,000,000 candidates. Not part of the test suite; run it with
 * {@code pg_virtualenv ./mvnw verify -Pbenchmark}. It prints its figures and appends them to target/benchmark.txt.
 */
@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
@Tag("benchmark")
class ListBenchmark {

    private static final int CANDIDATES = 1_000_000;
    private static final int PAGE = 50;
    private static final int DEEP_PAGE = 10_000;
    private static final int WARMUP = 10;
    private static final int RUNS = 40;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/v1/candidates")
    URI candidates;

    @Test
    void deepPagesCostWhatTheFirstDoesAndCsvStreams() throws Exception {
        long loadStart = System.nanoTime();
        long total = load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        String deepById = Cursors.encode("", List.of(idAt((long) PAGE * (DEEP_PAGE - 1), "id")));
        double[] firstById = measure(null, null);
        double[] deepByIdMs = measure(null, deepById);
        String[] codeAndId = keyAt((long) PAGE * (DEEP_PAGE - 1));
        String deepByCode = Cursors.encode("code", List.of(codeAndId[0], codeAndId[1]));
        double[] firstByCode = measure("code", null);
        double[] deepByCodeMs = measure("code", deepByCode);

        long start = System.nanoTime();
        long rows = exportCsv();
        double seconds = (System.nanoTime() - start) / 1e9;

        String report = String.format(Locale.ROOT, """
                List benchmark (%d candidates in the table; loaded %d in %.1f s), limit=%d
                  creation order: page 1 median %.1f ms (p95 %.1f); page %d median %.1f ms (p95 %.1f); ratio %.2f
                  sort=code:      page 1 median %.1f ms (p95 %.1f); page %d median %.1f ms (p95 %.1f); ratio %.2f
                  CSV export: %d rows in %.1f s = %.0f rows/s
                """, total, CANDIDATES, loadSeconds, PAGE, firstById[0], firstById[1], DEEP_PAGE, deepByIdMs[0],
                deepByIdMs[1], deepByIdMs[0] / firstById[0], firstByCode[0], firstByCode[1], DEEP_PAGE, deepByCodeMs[0],
                deepByCodeMs[1], deepByCodeMs[0] / firstByCode[0], rows, seconds, rows / seconds);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark.txt"), report, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private double[] measure(String sort, String cursor) {
        double[] millis = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            var request = given().queryParam("limit", PAGE);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            request.get("/api/v1/candidates").then().statusCode(200);
            if (i >= WARMUP) {
                millis[i - WARMUP] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]};
    }

    private long exportCsv() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(candidates).header("Accept", "text/csv").build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("CSV export answered " + response.statusCode());
        }
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines - 1;
    }

    private String idAt(long offset, String order) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id from candidate order by " + order + " offset " + offset + " limit 1")) {
            r.next();
            return r.getString(1);
        }
    }

    private String[] keyAt(long offset) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select code, id from candidate order by code, id offset " + offset + " limit 1")) {
            r.next();
            return new String[] {r.getString(1), r.getString(2)};
        }
    }

    private long load() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into organization (id, name, kind, region_code, created_at, updated_at, version)
                    select ('01970000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'BENCHMARK list sponsor ' || g,
                           'COMPANY', 'CN-JS', now(), now(), 0
                    from generate_series(1, 1000) g
                    """);
            s.execute("""
                    insert into candidate (id, code, name, sponsor_id, category, registration_class, modality, phase,
                                           therapeutic_area, indication, note, created_at, updated_at, version)
                    select ('01971000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'LIST-' || md5(g::text),
                           'benchmarkumab ' || g,
                           ('01970000-0000-7000-8000-' || lpad(to_hex(1 + g % 1000), 12, '0'))::uuid,
                           (array['CHEMICAL','THERAPEUTIC_BIOLOGIC','PREVENTIVE_BIOLOGIC','TCM'])[1 + g % 4],
                           (array['1','1.1','2.2','3'])[1 + g % 4], 'OTHER',
                           (array['PRECLINICAL','IND_APPROVED','PHASE_1','PHASE_2','PHASE_3','NDA_SUBMITTED','DISCONTINUED'])[1 + g % 7],
                           'Oncology', 'BENCHMARK indication, with a comma and "quotes"', 'BENCHMARK', now(), now(), 0
                    from generate_series(1, 1000000) g
                    """);
            s.execute("analyze");
            try (ResultSet r = s.executeQuery("select count(*) from candidate")) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
