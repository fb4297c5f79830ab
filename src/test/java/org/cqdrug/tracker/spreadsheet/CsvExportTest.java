package org.cqdrug.tracker.spreadsheet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
public class CsvExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/candidates")
    URL candidates;

    public static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void candidatesExportAsUtf8CsvWithQuotesCommasAndChinese() throws IOException {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> body = TestData.candidate(TestData.unique("CSV"), sponsor, cluster, "1", "PHASE_2");
        body.put("nameZh", "赛立奇单抗");
        body.put("indication", "Psoriasis, \"moderate\" to severe");
        body.put("designations", List.of("PRIORITY_REVIEW", "BREAKTHROUGH_THERAPY"));
        String id = TestData.create("/api/v1/candidates", body);
        for (int i = 0; i < 3; i++) {
            TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
        }
        String csv = given().accept("text/csv").queryParam("clusterId", cluster).queryParam("sort", "-phase")
                .get("/api/v1/candidates").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("filename=\"candidates_clusterId-"))
                .extract().asString();
        assertEquals(true, csv.startsWith("id,code,name,nameZh,sponsorId"));
        List<CSVRecord> rows = parse(csv);
        assertEquals(4, rows.size());
        CSVRecord first = rows.get(0);
        assertEquals(id, first.get("id"));
        assertEquals("赛立奇单抗", first.get("nameZh"));
        assertEquals("Psoriasis, \"moderate\" to severe", first.get("indication"));
        assertEquals("PRIORITY_REVIEW;BREAKTHROUGH_THERAPY", first.get("designations"));
        assertEquals("", first.get("expectedDecisionOn"));
    }

    @Test
    void aByteOrderMarkIsSentOnlyWhenAskedFor() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> body = TestData.candidate(TestData.unique("BOM"), sponsor, cluster, "1", "PHASE_1");
        body.put("nameZh", "赛立奇单抗");
        TestData.create("/api/v1/candidates", body);
        byte[] plain = given().accept("text/csv").queryParam("clusterId", cluster).get("/api/v1/candidates")
                .then().statusCode(200).extract().asByteArray();
        byte[] marked = given().queryParam("format", "csv").queryParam("bom", true).queryParam("clusterId", cluster)
                .get("/api/v1/candidates").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();
        assertEquals('i', plain[0]);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(marked[0], marked[1], marked[2]));
        assertEquals(new String(plain, StandardCharsets.UTF_8),
                new String(marked, 3, marked.length - 3, StandardCharsets.UTF_8));
        given().accept("text/csv").queryParam("bom", "yes").get("/api/v1/candidates").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void exportGoesPastOnePage() throws IOException {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        for (int i = 0; i < 3; i++) {
            TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
        }
        String csv = given().accept("text/csv").queryParam("clusterId", cluster).queryParam("limit", 1)
                .get("/api/v1/candidates").then().statusCode(200).extract().asString();
        assertEquals(3, parse(csv).size());
    }

    @Test
    void yearlyCountsAndIndicatorsExportCsv() throws IOException {
        List<CSVRecord> years = parse(given().accept("text/csv").queryParam("from", 2023).queryParam("to", 2025)
                .queryParam("regionCode", "CN-CQ").queryParam("evidence", "REPORTED").get("/api/v1/approvals/yearly")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString());
        assertEquals(List.of("2023", "2024", "2025"), years.stream().map(r -> r.get("year")).toList());
        assertEquals("1", years.get(1).get("class1"));
        assertEquals("1", years.get(1).get("class1_THERAPEUTIC_BIOLOGIC"));

        List<CSVRecord> items = parse(given().accept("text/csv")
                .queryParam("targetId", "01900000-0000-7000-8000-000000000601").queryParam("asOf", "2026-11-28")
                .get("/api/v1/indicators").then().statusCode(200).extract().asString());
        assertEquals(List.of("2025", "2026", "2027"), items.stream().map(r -> r.get("year")).toList());
        assertEquals("MISSED", items.get(0).get("status"));
        assertEquals("", items.get(0).get("outlook"));
        assertEquals(false, items.get(2).get("outlook").isEmpty());
    }

    @Test
    void everyListExportsCsv() {
        for (String path : List.of("clusters", "organizations", "approvals", "targets", "collaborations")) {
            given().accept("text/csv").get("/api/v1/" + path).then().statusCode(200)
                    .contentType(startsWith("text/csv")).body(startsWith("id,"));
        }
        given().get("/api/v1/clusters").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void everyListsCsvHeaderNamesTheJsonItemsFieldsInOrder() throws IOException {
        String cluster = TestData.newCluster();
        TestData.create("/api/v1/collaborations", TestData.collaboration("JOINT_RD",
                List.of(TestData.newOrganization("CN-HB", cluster), TestData.newOrganization("CN-HB", cluster)),
                cluster, "2026-01-15"));
        for (String path : List.of("clusters", "organizations", "candidates", "approvals", "targets", "collaborations")) {
            String page = given().queryParam("limit", 1).get("/api/v1/" + path).then().statusCode(200).extract().asString();
            List<String> fields = new ArrayList<>();
            JSON.readTree(page).get("items").get(0).fieldNames().forEachRemaining(fields::add);
            String csv = given().accept("text/csv").get("/api/v1/" + path).then().statusCode(200).extract().asString();
            assertEquals(fields, List.of(csv.substring(0, csv.indexOf("\r\n")).split(",")), path);
        }
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralizedAndImportBackUnchanged() throws IOException {
        String from = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", from);
        Map<String, Object> body = TestData.candidate(TestData.unique("F"), sponsor, from, "1", "PHASE_1");
        body.put("name", "=HYPERLINK(\"https://example.org\",\"open\")");
        body.put("nameZh", "+86 单抗");
        body.put("indication", "-1+1");
        body.put("note", "@SUM(A1:A9)");
        body.put("therapeuticArea", "'+1 vote");
        String id = TestData.create("/api/v1/candidates", body);

        String csv = given().accept("text/csv").queryParam("clusterId", from).get("/api/v1/candidates")
                .then().statusCode(200).extract().asString();
        CSVRecord row = parse(csv).get(0);
        assertEquals("'=HYPERLINK(\"https://example.org\",\"open\")", row.get("name"));
        assertEquals("'+86 单抗", row.get("nameZh"));
        assertEquals("'-1+1", row.get("indication"));
        assertEquals("'@SUM(A1:A9)", row.get("note"));
        // Text that already looks guarded is guarded too, so that the import's one apostrophe off gives it back.
        assertEquals("''+1 vote", row.get("therapeuticArea"));
        assertEquals(id, row.get("id"));

        String to = TestData.newCluster();
        String otherSponsor = TestData.newOrganization("CN-HB", to);
        String imported = given().contentType("text/csv; charset=UTF-8")
                .body(csv.replace(from, to).replace(sponsor, otherSponsor))
                .post("/api/v1/candidates/import").then().statusCode(200).extract().path("ids[0]");
        given().get("/api/v1/candidates/" + imported).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(body.get("name")))
                .body("nameZh", org.hamcrest.Matchers.equalTo("+86 单抗"))
                .body("indication", org.hamcrest.Matchers.equalTo("-1+1"))
                .body("note", org.hamcrest.Matchers.equalTo("@SUM(A1:A9)"))
                .body("therapeuticArea", org.hamcrest.Matchers.equalTo("'+1 vote"));

        // A hand-written apostrophe that guards nothing is the client's text and stays.
        String written = "code,name,sponsorId,clusterId,category,registrationClass,modality,phase\n"
                + TestData.unique("H") + ",'Tis," + otherSponsor + "," + to + ",CHEMICAL,1,SMALL_MOLECULE,PHASE_1\n";
        String handWritten = given().contentType("text/csv; charset=UTF-8").body(written)
                .post("/api/v1/candidates/import").then().statusCode(200).extract().path("ids[0]");
        given().get("/api/v1/candidates/" + handWritten).then().body("name", org.hamcrest.Matchers.equalTo("'Tis"));
    }

    @Test
    void aFailureWhileStreamingAbortsTheTransferInsteadOfEndingAShortFile() throws Exception {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        // Enough rows that the first batches leave the server before the broken one is read.
        TestData.execute("""
                insert into candidate (id, code, name, sponsor_id, cluster_id, category, registration_class, modality,
                                       phase, indication, created_at, updated_at, version)
                select gen_random_uuid(), 'A-' || lpad(g::text, 4, '0'), 'streamumab ' || g, cast(? as uuid),
                       cast(? as uuid), 'CHEMICAL', '1', 'OTHER', 'PHASE_1', repeat('long indication ', 20), now(), now(), 0
                from generate_series(1, 600) g
                """, sponsor, cluster);
        String broken = TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");
        // A value the API never writes: reading it back fails halfway through the export.
        TestData.execute("update candidate set code = 'Z-LAST', designations = '{NOT_A_DESIGNATION}' where id = cast(? as uuid)",
                broken);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(candidates + "?sort=code&clusterId=" + cluster))
                    .header("Accept", "text/csv").build();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // Several times: the clean end this guards against came from a race, so one lucky pass proves little.
            for (int attempt = 0; attempt < 5; attempt++) {
                HttpResponse<InputStream> answer = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, answer.statusCode());
                try (InputStream body = answer.body()) {
                    assertThrows(IOException.class, body::readAllBytes, "attempt " + attempt);
                }
            }
        } finally {
            TestData.execute("delete from candidate where cluster_id = cast(? as uuid)", cluster);
        }
    }
}
