package org.cqdrug.tracker.spreadsheet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import org.apache.commons.csv.CSVFormat;
import org.cqdrug.tracker.testsupport.TestData;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.DATABASE)
@QuarkusTest
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class XlsxExportTest {

    /** A workbook's first sheet, as rows of cells keyed by the header row's names. */
    record Sheet(String name, List<String> header, List<Map<String, Cell>> rows) {
    }

    static Sheet read(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, true))) {
            // The first sheet says what the workbook holds; the rows follow on the second.
            org.dhatim.fastexcel.reader.Sheet about = workbook.getFirstSheet();
            if (!about.getName().equals("About") || about.read().size() < 5) {
                throw new AssertionError("the workbook starts with its About sheet, not " + about.getName());
            }
            org.dhatim.fastexcel.reader.Sheet sheet = workbook.getSheet(1).orElseThrow();
            List<Row> rows = sheet.read();
            List<String> header = rows.get(0).stream().map(Cell::getText).toList();
            List<Map<String, Cell>> body = rows.subList(1, rows.size()).stream()
                    .map(row -> row.stream().filter(cell -> cell != null)
                            .collect(Collectors.toMap(cell -> header.get(cell.getColumnIndex()), cell -> cell)))
                    .toList();
            return new Sheet(sheet.getName(), header, body);
        }
    }

    private static byte[] workbook(RequestSpecification request, String path, String filename) {
        return request.accept(Format.XLSX_TYPE).get(path).then().statusCode(200)
                .contentType(Format.XLSX_TYPE)
                .header("Content-Disposition", containsString("filename=\"" + filename + "_"))
                .header("Content-Disposition", containsString("_as-of-"))
                .extract().asByteArray();
    }

    @Test
    void candidatesExportAsAWorkbookWithTypedCellsUnderTheCsvHeader() throws IOException {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        Map<String, Object> body = TestData.candidate(TestData.unique("XL"), sponsor, cluster, "1", "PHASE_3");
        body.put("nameZh", "赛立奇单抗");
        body.put("designations", List.of("PRIORITY_REVIEW", "BREAKTHROUGH_THERAPY"));
        body.put("note", "=SUM(A1:A9)");
        String id = TestData.create("/api/v1/candidates", body);
        TestData.newCandidate(sponsor, cluster, "1", "PHASE_1");

        Sheet sheet = read(workbook(given().queryParam("clusterId", cluster).queryParam("sort", "-phase"),
                "/api/v1/candidates", "candidates"));
        String csv = given().accept("text/csv").queryParam("clusterId", cluster).get("/api/v1/candidates")
                .then().statusCode(200).extract().asString();
        assertEquals(CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().get(0).toList(), sheet.header());
        assertEquals("candidates", sheet.name());
        assertEquals(2, sheet.rows().size());

        Map<String, Cell> first = sheet.rows().get(0);
        assertEquals(id, first.get("id").getText());
        assertEquals(CellType.STRING, first.get("nameZh").getType());
        assertEquals("赛立奇单抗", first.get("nameZh").getText());
        assertEquals("PRIORITY_REVIEW;BREAKTHROUGH_THERAPY", first.get("designations").getText());
        assertEquals("PHASE_3", first.get("phase").getText());
        // A workbook's text is never run as a formula, so it is written as the client gave it.
        assertEquals(CellType.STRING, first.get("note").getType());
        assertEquals("=SUM(A1:A9)", first.get("note").getText());
        assertEquals(CellType.NUMBER, first.get("version").getType());
        assertEquals(BigDecimal.ZERO, first.get("version").asNumber());

        String createdAt = given().get("/api/v1/candidates/" + id).then().extract().path("createdAt");
        Cell created = first.get("createdAt");
        assertEquals(CellType.NUMBER, created.getType());
        assertEquals("yyyy-mm-dd hh:mm:ss", created.getDataFormatString());
        LocalDateTime expected = Instant.parse(createdAt).atOffset(ZoneOffset.UTC).toLocalDateTime();
        assertTrue(ChronoUnit.MILLIS.between(expected, created.asDate()) < 5, created.asDate() + " vs " + expected);
        // Empty values are empty cells, not text.
        assertEquals(null, first.get("expectedDecisionOn"));
    }

    @Test
    void theFormatParameterServesLinksThatCannotSetAccept() throws IOException {
        Sheet sheet = read(given().queryParam("format", "xlsx").get("/api/v1/clusters").then().statusCode(200)
                .contentType(Format.XLSX_TYPE).extract().asByteArray());
        assertEquals("id", sheet.header().get(0));
        given().queryParam("format", "pdf").get("/api/v1/clusters").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'pdf' is not csv or xlsx"));
    }

    @Test
    void yearlyCountsAndIndicatorsExportWorkbooksWithNumbersAsNumbers() throws IOException {
        // xeligekimab's 2024 approval is only reported until its official source is recorded.
        Sheet years = read(workbook(given().queryParam("from", 2023).queryParam("to", 2025)
                .queryParam("regionCode", "CN-CQ").queryParam("evidence", "REPORTED"), "/api/v1/approvals/yearly",
                "approvals-yearly"));
        assertEquals(List.of(new BigDecimal(2023), new BigDecimal(2024), new BigDecimal(2025)),
                years.rows().stream().map(row -> row.get("year").asNumber()).toList());
        assertEquals(BigDecimal.ONE, years.rows().get(1).get("class1").asNumber());
        assertEquals(BigDecimal.ONE, years.rows().get(1).get("class1_THERAPEUTIC_BIOLOGIC").asNumber());

        Sheet items = read(workbook(given().queryParam("targetId", "01900000-0000-7000-8000-000000000601")
                .queryParam("asOf", "2026-11-28"), "/api/v1/indicators", "indicators"));
        assertEquals(List.of(2025, 2026, 2027),
                items.rows().stream().map(row -> row.get("year").asNumber().intValue()).toList());
        assertEquals("MISSED", items.rows().get(0).get("status").getText());
        assertEquals(CellType.NUMBER, items.rows().get(2).get("annualMin").getType());
    }

    @Test
    void everyListExportsAWorkbookWhoseHeaderIsItsCsvHeader() throws IOException {
        for (String path : List.of("clusters", "organizations", "candidates", "approvals", "targets", "collaborations")) {
            Sheet sheet = read(workbook(given(), "/api/v1/" + path, path));
            String csv = given().accept("text/csv").get("/api/v1/" + path).then().statusCode(200).extract().asString();
            assertEquals(List.of(csv.substring(0, csv.indexOf("\r\n")).split(",")), sheet.header(), path);
        }
    }
}
