package org.cqdrug.tracker.common.csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cqdrug.tracker.common.TestData;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvExportTest {

    static List<CSVRecord> parse(String csv) throws IOException {
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
                .header("Content-Disposition", containsString("candidates.csv"))
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
                .queryParam("regionCode", "CN-CQ").get("/api/v1/approvals/yearly")
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
}
