package org.cqdrug.tracker.spreadsheet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.cqdrug.tracker.testsupport.Lanes;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A downloaded file says what it holds: its name, its About sheet, its words in the reader's language. */
@QuarkusTest
@Tag(Lanes.DATABASE)
class DownloadsSayWhatTheyHoldTest {

    @Test
    void theTotalTargetsFileHoldsItsTotalWithItsAsOfDate() throws IOException {
        String csv = given().queryParam("targetId", "cq-innovative-drugs-total-2027").queryParam("asOf", "2026-11-28")
                .queryParam("format", "csv").get("/api/v1/indicators").then().statusCode(200)
                .header("Content-Disposition", containsString(
                        "indicators_targetId-cq-innovative-drugs-total-2027_as-of-2026-11-28.csv"))
                .extract().asString();
        List<CSVRecord> rows = CsvExportTest.parse(csv);
        assertEquals(1, rows.size(), csv);
        assertEquals("2026-11-28", rows.get(0).get("asOf"));
        assertEquals("10", rows.get(0).get("goal"));
        assertEquals("0", rows.get(0).get("actual"));
        List<CSVRecord> years = CsvExportTest.parse(given().queryParam("targetId", "cq-class1-approvals-2025-2027")
                .queryParam("asOf", "2026-11-28").queryParam("format", "csv").get("/api/v1/indicators").then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("2026-11-28", "2026-11-28", "2026-11-28"), years.stream().map(r -> r.get("asOf")).toList());
    }

    @Test
    void approvalsCarryTheirDrugsAndSponsorsNamesAndSpeakChineseWhenAsked() throws IOException {
        List<CSVRecord> english = CsvExportTest.parse(given().queryParam("regionCode", "CN-CQ").queryParam("format", "csv")
                .get("/api/v1/approvals").then().statusCode(200).extract().asString());
        CSVRecord xeligekimab = english.stream().filter(r -> r.get("id").endsWith("000000000401")).findFirst().orElseThrow();
        assertEquals("xeligekimab", xeligekimab.get("candidateName"));
        assertEquals("Chongqing Genrix Biopharmaceutical (SSE 688443)", xeligekimab.get("sponsorName"));
        assertEquals("REPORTED", xeligekimab.get("evidence"));

        String chinese = given().queryParam("regionCode", "CN-CQ").queryParam("format", "csv").queryParam("lang", "zh")
                .get("/api/v1/approvals").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CsvExportTest.parse(chinese);
        assertTrue(rows.get(0).isMapped("批准日期") && rows.get(0).isMapped("证据等级") && rows.get(0).isMapped("药物"),
                chinese.lines().findFirst().orElse(""));
        assertTrue(rows.stream().anyMatch(r -> r.get("证据等级").equals("已报道")), chinese);
        // Accept-Language chooses the words when lang is left out.
        String byHeader = given().header("Accept-Language", "zh-CN,zh;q=0.9").queryParam("format", "csv")
                .get("/api/v1/clusters").then().statusCode(200).extract().asString();
        assertTrue(byHeader.lines().findFirst().orElseThrow().contains("中文名称"), byHeader);
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
    void aFileInChineseImportsBack() {
        String sponsor = org.cqdrug.tracker.testsupport.TestData.newOrganization("CN-HB", null);
        String code = org.cqdrug.tracker.testsupport.TestData.unique("ZH");
        String csv = "代码,名称,申办方编号,药品类别,注册分类,药物形式,研发阶段\n"
                + code + ",testimab," + sponsor + ",治疗用生物制品,1,ANTIBODY,III期临床\n";
        given().contentType("text/csv; charset=UTF-8").queryParam("dryRun", true).body(csv)
                .post("/api/v1/candidates/import").then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aWorkbookStartsWithWhatItHolds() throws IOException {
        byte[] xlsx = given().queryParam("regionCode", "CN-CQ").queryParam("evidence", "REPORTED")
                .queryParam("format", "xlsx").get("/api/v1/approvals").then().statusCode(200)
                .header("Content-Disposition", containsString("approvals_evidence-REPORTED_regionCode-CN-CQ_as-of-2026-11-28.xlsx"))
                .extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> about = workbook.getFirstSheet().read();
            String text = about.stream().map(row -> row.stream().map(Cell::getText).collect(Collectors.joining("=")))
                    .collect(Collectors.joining("\n"));
            assertEquals("About", workbook.getFirstSheet().getName());
            assertTrue(text.contains("Resource=/api/v1/approvals"), text);
            assertTrue(text.contains("Query=evidence=REPORTED&regionCode=CN-CQ"), text);
            assertTrue(text.contains("As of=2026-11-28"), text);
            assertTrue(text.contains("Exported at (UTC)=2026-11-28T04:00:00Z"), text);
            assertTrue(text.contains("Evidence counted=REPORTED"), text);
            assertEquals("approvals", workbook.getSheet(1).orElseThrow().getName());
        }
    }
}
