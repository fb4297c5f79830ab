package org.cqdrug.tracker.source.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.SavedFiles;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Saved official lists through HTTP on real PostgreSQL: upload, the changeset, apply, and what the record and the
 * indicators say afterwards. Sponsors are in Qinghai (CN-QH), which no other test or demo row uses, so the
 * indicator counts a test reads move only by its own rows.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class SourceResourceTest {

    static final String SOURCES = "/api/v1/sources";
    static final String CDE_URL = "https://www.cde.org.cn/main/xxgk/listpage/9f9c74c73e0f8f56a8bfbc646055026d";
    static final String[] ACCEPTANCE_HEADER = {"序号", "受理号", "药品名称", "药品类型", "申请类型", "注册分类", "企业名称", "承办日期"};
    static final String[] NOTICE_HEADER = {"序号", "受理号", "品名", "申请单位", "批准文号", "签发日期"};
    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(10000, 60000));

    /** A fresh acceptance number with the given letters, accepted in 2026. */
    static String number(String letters) {
        return letters + "26" + SERIAL.incrementAndGet();
    }

    /** A fresh NMPA approval number of 2026. */
    static String approvalNumber() {
        return "国药准字S2026" + String.format("%04d", SERIAL.incrementAndGet() % 10000);
    }

    static String company() {
        return "青海" + TestData.unique("示例") + "生物制药有限公司";
    }

    /** Bodies go as they are: RestAssured would otherwise add a charset to text media types. */
    static RequestSpecification raw() {
        return given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    static Response upload(String kind, byte[] bytes, String mediaType) {
        return raw().contentType(mediaType).body(bytes).queryParam("kind", kind).queryParam("url", CDE_URL)
                .queryParam("retrievedAt", "2026-11-27T02:00:00Z").post(SOURCES);
    }

    static ExtractableResponse<Response> uploaded(String kind, byte[] bytes, String mediaType) {
        return upload(kind, bytes, mediaType).then().log().ifValidationFails().statusCode(201).header("ETag", notNullValue()).extract();
    }

    static ExtractableResponse<Response> changes(String id) {
        return given().get(SOURCES + "/" + id + "/changes?limit=500").then().statusCode(200).extract();
    }

    static void apply(String id) {
        String tag = given().get(SOURCES + "/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", tag).post(SOURCES + "/" + id + "/apply").then().statusCode(200)
                .body("status", equalTo("APPLIED")).body("appliedBy", equalTo("test-admin"));
    }

    static int actual(String targetId, int year) {
        return given().get("/api/v1/indicators?targetId=" + targetId + "&year=" + year).then().statusCode(200)
                .extract().path("items[0].actual");
    }

    @Test
    void anAcceptanceListThenANoticeMoveTheRecordAndTheCountsOnlyWhenApplied() {
        String target = TestData.create("/api/v1/targets", TestData.target(TestData.unique("qh"), "CN-QH", null, 2026, 2027));
        String sponsor = company();
        String nda = number("CXSS");
        String trial = number("CXHL");
        byte[] acceptances = SavedFiles.csv(SavedFiles.sheet(ACCEPTANCE_HEADER)
                .row("1", nda, "示例奇单抗注射液", "治疗用生物制品", "新药", "治疗用生物制品1类", sponsor, LocalDate.of(2026, 3, 2))
                .row("2", trial, "示例替尼片", "化药", "新药", "化学药品1类", sponsor, LocalDate.of(2026, 4, 15))
                .row("3", number("CYHS"), "示例洛尔片", "化药", "仿制", "化学药品4类", sponsor, LocalDate.of(2026, 5, 6))
                .row("4", number("CXHS"), "示例改良片", "化药", "新药", "化学药品2.2类", sponsor, LocalDate.of(2026, 5, 7))
                .row("5", number("CXSS"), "示例生物单抗", "治疗用生物制品", "新药", "治疗用生物制品1类",
                        TestData.unique("示例未知地区科技"), LocalDate.of(2026, 6, 20)), StandardCharsets.UTF_8, true);
        ExtractableResponse<Response> document = uploaded("CDE_ACCEPTANCES", acceptances, Format.CSV_TYPE);
        String id = document.path("id");
        assertEquals(5, (int) document.path("rowsRead"));
        assertEquals("PROPOSED", document.path("status"));

        ExtractableResponse<Response> changes = changes(id);
        assertEquals(2, (int) changes.path("counts.CREATE_CANDIDATE"));
        assertEquals(2, (int) changes.path("counts.NOT_INNOVATIVE"));
        assertEquals(1, (int) changes.path("counts.NEEDS_REVIEW"));
        assertEquals(nda, changes.path("items[0].acceptanceNumber"));
        assertEquals("NDA_SUBMITTED", changes.path("items[0].after.phase"));
        assertEquals("CN-QH", changes.path("items[0].after.sponsorRegionCode"));
        assertEquals(2, (int) changes.path("items[1].after.sponsorCreatedByLine"),
                "the second row reuses the sponsor the first (CSV record 2) creates");
        assertEquals("a generic application", changes.path("items[2].reason"));
        given().get(SOURCES + "/" + id + "/changes?action=NEEDS_REVIEW").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].reason", containsString("no place name"));
        // Reviewed, not yet written.
        given().get("/api/v1/candidates?acceptanceNumber=" + nda).then().body("items", hasSize(0));

        given().post(SOURCES + "/" + id + "/apply").then().statusCode(428);
        apply(id);

        String candidate = given().get("/api/v1/candidates?acceptanceNumber=" + nda + "国").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].phase", equalTo("NDA_SUBMITTED"))
                .body("items[0].nameZh", equalTo("示例奇单抗注射液"))
                .body("items[0].registrationClass", equalTo("1"))
                .body("items[0].acceptanceNumbers", equalTo(List.of(nda)))
                .extract().path("items[0].id");
        given().get("/api/v1/candidates/" + candidate + "/milestones").then()
                .body("[0].reachedOn", equalTo("2026-03-02"))
                .body("[0].evidence", equalTo("CONFIRMED"))
                .body("[0].sourceUrl", equalTo(CDE_URL))
                .body("[0].sourceDocumentId", equalTo(id));
        given().get("/api/v1/organizations?regionCode=CN-QH&limit=500").then().body("items.name", hasItem(sponsor));
        given().get("/api/v1/candidates?acceptanceNumber=" + trial).then().body("items[0].phase", equalTo("PRECLINICAL"));
        given().get(SOURCES + "/" + id + "/changes?limit=1").then().body("items[0].candidateId", equalTo(candidate));
        int before = actual(target, 2026);

        // The notice, saved from the NMPA site in GBK, with the accepting office after the number.
        String approvalNumber = approvalNumber();
        byte[] notice = SavedFiles.html(SavedFiles.sheet(NOTICE_HEADER)
                .row("1", nda + "国", "示例奇单抗注射液", sponsor, approvalNumber, LocalDate.of(2026, 11, 20)),
                Charset.forName("GBK"), 0);
        String noticeId = uploaded("NMPA_APPROVAL_NOTICE", notice, "text/html").path("id");
        changes(noticeId);
        given().get(SOURCES + "/" + noticeId + "/changes").then()
                .body("items[0].action", equalTo("CREATE_APPROVAL"))
                .body("items[0].candidateId", equalTo(candidate))
                .body("items[0].after.approvalNumber", equalTo(approvalNumber));
        assertEquals(before, actual(target, 2026), "nothing counts before the changeset is applied");
        apply(noticeId);

        String approval = given().get("/api/v1/approvals?approvalNumber=" + approvalNumber).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].approvedOn", equalTo("2026-11-20"))
                .body("items[0].evidence", equalTo("CONFIRMED"))
                .body("items[0].sourceDocumentId", equalTo(noticeId))
                .body("items[0].candidateId", equalTo(candidate)).extract().path("items[0].id");
        given().get("/api/v1/approvals/" + approval + "/history").then()
                .body("[0].state.sourceDocumentId", equalTo(noticeId));
        given().get("/api/v1/candidates/" + candidate).then().body("phase", equalTo("APPROVED"));
        assertEquals(before + 1, actual(target, 2026));

        // The original files come back byte for byte.
        byte[] back = given().get(SOURCES + "/" + noticeId + "/content").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        assertArrayEquals(notice, back);
    }

    @Test
    void theSameBytesAgainAnswerTheDocumentStoredBefore() {
        byte[] file = SavedFiles.csv(SavedFiles.sheet(ACCEPTANCE_HEADER).row("1", number("CXHL"), "示例重复片", "化药", "新药",
                "化学药品1类", company(), LocalDate.of(2026, 2, 2)), StandardCharsets.UTF_8, false);
        String id = uploaded("CDE_ACCEPTANCES", file, Format.CSV_TYPE).path("id");
        long documents = TestData.count("select count(*) from source_document");
        long changes = TestData.count("select count(*) from source_change");
        upload("CDE_ACCEPTANCES", file, Format.CSV_TYPE).then().statusCode(200).body("id", equalTo(id));
        upload("CDE_BREAKTHROUGH", file, Format.CSV_TYPE).then().statusCode(409);
        assertEquals(documents, TestData.count("select count(*) from source_document"));
        assertEquals(changes, TestData.count("select count(*) from source_change"));
    }

    @Test
    void aNewerCopyOfTheSameListYieldsOnlyTheDifference() {
        String sponsor = company();
        String first = number("CXHL");
        String second = number("CXSS");
        SavedFiles.Sheet older = SavedFiles.sheet(ACCEPTANCE_HEADER)
                .row("1", first, "示例一号片", "化药", "新药", "化学药品1类", sponsor, LocalDate.of(2026, 1, 5))
                .row("2", second, "示例二号单抗", "治疗用生物制品", "新药", "治疗用生物制品1类", sponsor, LocalDate.of(2026, 1, 6));
        apply(uploaded("CDE_ACCEPTANCES", SavedFiles.html(older, StandardCharsets.UTF_8, 0), "text/html").path("id"));

        SavedFiles.Sheet newer = SavedFiles.sheet(ACCEPTANCE_HEADER)
                .row("1", number("CXSS"), "示例三号单抗", "治疗用生物制品", "新药", "治疗用生物制品1类", sponsor, LocalDate.of(2026, 2, 9))
                .row("2", first, "示例一号片", "化药", "新药", "化学药品1类", sponsor, LocalDate.of(2026, 1, 5))
                .row("3", second, "示例二号单抗", "治疗用生物制品", "新药", "治疗用生物制品1类", sponsor, LocalDate.of(2026, 1, 6))
                // The trial candidate files its marketing application: a milestone, not a new candidate.
                .row("4", number("CXHS"), "示例一号片", "化药", "新药", "化学药品1类", sponsor, LocalDate.of(2026, 3, 1));
        String id = uploaded("CDE_ACCEPTANCES", SavedFiles.html(newer, StandardCharsets.UTF_8, 2), "text/html").path("id");
        ExtractableResponse<Response> changes = changes(id);
        assertEquals(Map.of("CREATE_CANDIDATE", 1, "UNCHANGED", 2, "ADD_MILESTONE", 1), changes.path("counts"));
        apply(id);
        given().get("/api/v1/candidates?acceptanceNumber=" + first).then()
                .body("items[0].phase", equalTo("NDA_SUBMITTED")).body("items[0].acceptanceNumbers", hasSize(2));
    }

    @Test
    void aReportedApprovalTheNoticeConfirmsIsRaisedWithTheDocumentAsItsSource() {
        // The record names the sponsor without its legal form, as the notice does not.
        String sponsorName = company();
        String sponsor = TestData.create("/api/v1/organizations", TestData.organization(
                sponsorName.replace("有限公司", ""), "CN-QH", null));
        String nda = number("CXSS");
        // Nor does it know the acceptance number: the row matches by the drug's name (less its dosage form) and sponsor.
        Map<String, Object> body = TestData.candidate(TestData.unique("R"), sponsor, null, "1", "NDA_SUBMITTED");
        body.put("nameZh", "示例报告单抗");
        String candidate = TestData.create("/api/v1/candidates", body);
        Map<String, Object> reported = TestData.approval(candidate, "NMPA", "2026-06-01", TestData.unique("REPORTED"));
        reported.put("evidence", "REPORTED");
        reported.remove("sourceUrl");
        reported.put("reportSourceUrl", "https://example.org/approval");
        reported.put("datePrecision", "MONTH");
        String approval = TestData.create("/api/v1/approvals", reported);

        String approvalNumber = approvalNumber();
        byte[] notice = SavedFiles.xlsx(SavedFiles.sheet(NOTICE_HEADER)
                .row(1, nda, "示例报告单抗注射液", sponsorName, approvalNumber, LocalDate.of(2026, 6, 22)));
        String id = uploaded("NMPA_APPROVAL_NOTICE", notice, Format.XLSX_TYPE).path("id");
        given().get(SOURCES + "/" + id + "/changes").then()
                .body("items[0].action", equalTo("RAISE_EVIDENCE"))
                .body("items[0].approvalId", equalTo(approval))
                .body("items[0].before.evidence", equalTo("REPORTED"))
                .body("items[0].after.approvedOn", equalTo("2026-06-22"));
        apply(id);
        given().get("/api/v1/approvals/" + approval).then()
                .body("evidence", equalTo("CONFIRMED"))
                .body("approvedOn", equalTo("2026-06-22"))
                .body("datePrecision", equalTo("DAY"))
                .body("approvalNumber", equalTo(approvalNumber))
                .body("sourceUrl", equalTo(CDE_URL))
                .body("reportSourceUrl", equalTo("https://example.org/approval"))
                .body("sourceDocumentId", equalTo(id));
        given().get("/api/v1/candidates/" + candidate).then().body("acceptanceNumbers", equalTo(List.of(nda)));
        given().get("/api/v1/approvals/" + approval + "/history").then()
                .body("$", hasSize(2))
                .body("[1].changedFields", hasItem("evidence"));
    }

    @Test
    void aConfirmedApprovalWithoutItsNumberGetsItFromTheNotice() {
        String sponsorName = company();
        String sponsor = TestData.create("/api/v1/organizations", TestData.organization(sponsorName, "CN-QH", null));
        Map<String, Object> body = TestData.candidate(TestData.unique("R"), sponsor, null, "1", "NDA_SUBMITTED");
        body.put("nameZh", "示例无号单抗");
        String candidate = TestData.create("/api/v1/candidates", body);
        String approval = TestData.create("/api/v1/approvals", TestData.approval(candidate, "NMPA", "2026-05-05", null));

        String approvalNumber = approvalNumber();
        byte[] notice = SavedFiles.xlsx(SavedFiles.sheet(NOTICE_HEADER)
                .row(1, number("CXSS"), "示例无号单抗注射液", sponsorName, approvalNumber, LocalDate.of(2026, 5, 5)));
        String id = uploaded("NMPA_APPROVAL_NOTICE", notice, Format.XLSX_TYPE).path("id");
        given().get(SOURCES + "/" + id + "/changes").then()
                .body("items[0].action", equalTo("RAISE_EVIDENCE"))
                .body("items[0].approvalId", equalTo(approval))
                .body("items[0].before.approvalNumber", org.hamcrest.Matchers.nullValue())
                .body("items[0].after.approvalNumber", equalTo(approvalNumber));
        apply(id);
        given().get("/api/v1/approvals/" + approval).then()
                .body("approvalNumber", equalTo(approvalNumber))
                .body("sourceDocumentId", equalTo(id));
    }

    @Test
    void designationListsAndTheCatalogueReadFromWorkbooks() {
        String sponsorName = company();
        String nda = number("CXSS");
        apply(uploaded("CDE_ACCEPTANCES", SavedFiles.xlsx(SavedFiles.sheet(ACCEPTANCE_HEADER)
                .row(1, nda, "示例目录单抗注射液", "治疗用生物制品", "新药", "治疗用生物制品1类", sponsorName, LocalDate.of(2025, 12, 1))),
                Format.XLSX_TYPE).path("id"));
        byte[] breakthrough = SavedFiles.xlsx(SavedFiles.sheet("序号", "受理号", "药品名称", "企业名称", "纳入时间")
                .row(1, nda, "示例目录单抗注射液", sponsorName, LocalDate.of(2026, 1, 10))
                .row(2, number("CYHS"), "示例仿制片", sponsorName, LocalDate.of(2026, 1, 11)));
        String designated = uploaded("CDE_BREAKTHROUGH", breakthrough, Format.XLSX_TYPE).path("id");
        given().get(SOURCES + "/" + designated + "/changes").then()
                .body("counts.SET_DESIGNATION", equalTo(1)).body("counts.NOT_INNOVATIVE", equalTo(1));
        apply(designated);
        String candidate = given().get("/api/v1/candidates?acceptanceNumber=" + nda).then()
                .body("items[0].designations", equalTo(List.of("BREAKTHROUGH_THERAPY"))).extract().path("items[0].id");

        // A reported approval, then the catalogue's 创新药 row confirms it by name and holder (it gives no date).
        Map<String, Object> reported = TestData.approval(candidate, "NMPA", "2026-07-01", TestData.unique("REPORTED"));
        reported.put("evidence", "REPORTED");
        String approval = TestData.create("/api/v1/approvals", reported);
        String approvalNumber = approvalNumber();
        byte[] catalogue = SavedFiles.xlsx(SavedFiles.sheet("活性成分(英文)", "药品名称", "剂型", "批准文号/注册证号",
                        "上市许可持有人", "收录类别")
                .row("examplimab", "示例目录单抗注射液", "注射剂", approvalNumber, sponsorName, "创新药")
                .row("exampline", "示例老药片", "片剂", "国药准字H20000001", sponsorName, "仿制药")
                .row("examplinum", "示例无类片", "片剂", "国药准字H20000002", sponsorName, null));
        String listed = uploaded("CDE_MARKETED_CATALOGUE", catalogue, Format.XLSX_TYPE).path("id");
        given().get(SOURCES + "/" + listed + "/changes").then()
                .body("items[0].action", equalTo("RAISE_EVIDENCE")).body("items[1].action", equalTo("NOT_INNOVATIVE"))
                .body("items[2].action", equalTo("NEEDS_REVIEW")).body("items[2].reason", equalTo("empty 收录类别"));
        apply(listed);
        given().get("/api/v1/approvals/" + approval).then().body("evidence", equalTo("CONFIRMED"))
                .body("approvedOn", equalTo("2026-07-01")).body("approvalNumber", equalTo(approvalNumber));
    }

    @Test
    void whenTheRecordMovesAfterReviewNothingIsWrittenUntilProposedAgain() {
        String sponsorName = company();
        String sponsor = TestData.create("/api/v1/organizations", TestData.organization(sponsorName, "CN-QH", null));
        String trial = number("CXHL");
        String id = uploaded("CDE_ACCEPTANCES", SavedFiles.csv(SavedFiles.sheet(ACCEPTANCE_HEADER)
                .row("1", trial, "示例变动片", "化药", "新药", "化学药品1类", sponsorName, LocalDate.of(2026, 2, 2)),
                StandardCharsets.UTF_8, false), Format.CSV_TYPE).path("id");
        String tag = given().get(SOURCES + "/" + id).then().extract().header("ETag");
        // Meanwhile someone records the candidate by hand.
        Map<String, Object> body = TestData.candidate(TestData.unique("M"), sponsor, null, "1", "PRECLINICAL");
        body.put("acceptanceNumbers", List.of(trial));
        TestData.create("/api/v1/candidates", body);
        long candidates = TestData.count("select count(*) from candidate");

        given().header("If-Match", tag).post(SOURCES + "/" + id + "/apply").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("propose"));
        assertEquals(candidates, TestData.count("select count(*) from candidate"));
        given().post(SOURCES + "/" + id + "/propose").then().statusCode(200);
        given().header("If-Match", tag).post(SOURCES + "/" + id + "/apply").then().statusCode(412);
        given().get(SOURCES + "/" + id + "/changes").then().body("items[0].action", equalTo("UNCHANGED"));
        apply(id);
        given().header("If-Match", "*").post(SOURCES + "/" + id + "/apply").then().statusCode(409);
        // Proposed again after it was applied, it brings in nothing more: every row is applied already.
        given().post(SOURCES + "/" + id + "/propose").then().statusCode(200).body("status", equalTo("PROPOSED"));
        given().get(SOURCES + "/" + id + "/changes").then().body("counts", equalTo(Map.of("UNCHANGED", 1)));
        apply(id);
    }

    @Test
    void scriptAndFormulasInASavedPageStayText() {
        String formula = "=HYPERLINK(\"https://evil.example\",\"点击\")";
        String script = "<script>alert(1)</script>示例片";
        String sponsor = company();
        byte[] page = SavedFiles.html(SavedFiles.sheet(ACCEPTANCE_HEADER)
                .row("1", number("CXHL"), script, "化药", "新药", "化学药品1类", sponsor, LocalDate.of(2026, 2, 3))
                .row("2", number("CXHL"), formula, "化药", "新药", "化学药品1类", sponsor, LocalDate.of(2026, 2, 4)),
                StandardCharsets.UTF_8, 0);
        String id = uploaded("CDE_ACCEPTANCES", page, "text/html").path("id");
        given().get(SOURCES + "/" + id + "/changes").then()
                .body("items[0].drugName", equalTo(script)).body("items[1].drugName", equalTo(formula));
        apply(id);
        String csv = given().accept(Format.CSV_TYPE).get("/api/v1/candidates?regionCode=CN-QH&q=evil").then()
                .statusCode(200).extract().asString();
        assertEquals(true, csv.contains("'=HYPERLINK"), csv);
    }

    @Test
    void badFilesAreRefusedWithAProblemAndWriteNothing() {
        long documents = TestData.count("select count(*) from source_document");
        byte[] catalogue = SavedFiles.csv(SavedFiles.sheet("药品名称", "批准文号/注册证号", "上市许可持有人", "收录类别")
                .row("示例片", "国药准字H20200001", company(), "创新药"), StandardCharsets.UTF_8, false);
        upload("NMPA_APPROVAL_NOTICE", catalogue, Format.CSV_TYPE).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("受理号")).body("errors.field", hasItem("签发日期"));
        byte[] acceptances = SavedFiles.csv(SavedFiles.sheet(ACCEPTANCE_HEADER).row("1", number("CXHL"), "示例错类片", "化药",
                "新药", "化学药品1类", company(), LocalDate.of(2026, 2, 2)), StandardCharsets.UTF_8, false);
        upload("CDE_BREAKTHROUGH", acceptances, Format.CSV_TYPE).then().statusCode(422)
                .body("errors.field", equalTo(List.of("纳入时间")));
        upload("CDE_ACCEPTANCES", SavedFiles.htmlWithoutTable(StandardCharsets.UTF_8), "text/html").then()
                .statusCode(422).body("detail", containsString("no table"));
        upload("CDE_ACCEPTANCES", new byte[0], Format.CSV_TYPE).then().statusCode(422).body("detail", containsString("empty"));
        upload("CDE_ACCEPTANCES", "<html>not a workbook</html>".getBytes(StandardCharsets.UTF_8), Format.XLSX_TYPE)
                .then().statusCode(422).contentType("application/problem+json");
        upload("CDE_ACCEPTANCES", SavedFiles.xlsxZipBomb(), Format.XLSX_TYPE).then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("inflates"));
        upload("CDE_ACCEPTANCES", new byte[30 * 1024 * 1024], Format.CSV_TYPE).then().statusCode(413)
                .contentType("application/problem+json");
        upload("CDE_ACCEPTANCES", "受理号\n".getBytes(StandardCharsets.UTF_8), "application/json").then().statusCode(415);
        raw().contentType(Format.CSV_TYPE).body(catalogue).queryParam("kind", "CDE_ACCEPTANCES")
                .queryParam("url", "javascript:alert(1)").queryParam("retrievedAt", "2026-11-27T02:00:00Z")
                .post(SOURCES).then().statusCode(400);
        // An official list confirms what it names: a copy saved from elsewhere is not one.
        raw().contentType(Format.CSV_TYPE).body(catalogue).queryParam("kind", "CDE_ACCEPTANCES")
                .queryParam("url", "https://mirror.example.org/cde/list.html").queryParam("retrievedAt", "2026-11-27T02:00:00Z")
                .post(SOURCES).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("url"))
                .body("detail", containsString("official"));
        raw().contentType(Format.CSV_TYPE).body(catalogue).queryParam("kind", "CDE_ACCEPTANCES").queryParam("url", CDE_URL)
                .queryParam("retrievedAt", "2030-01-01T00:00:00Z").post(SOURCES).then().statusCode(400);
        assertEquals(documents, TestData.count("select count(*) from source_document"));
    }

    @Test
    void aJsonBodyOverTheApiLimitIsAProblemToo() {
        given().contentType(ContentType.JSON).body(new byte[11 * 1024 * 1024]).post("/api/v1/clusters").then()
                .statusCode(413).contentType("application/problem+json");
    }

    @Test
    void freshnessNamesEachKindsLatestCopy() {
        byte[] file = SavedFiles.csv(SavedFiles.sheet("受理号", "药品名称", "企业名称", "纳入时间")
                .row(number("CXHL"), "示例新鲜片", company(), LocalDate.of(2026, 11, 1)), StandardCharsets.UTF_8, false);
        String id = uploaded("CDE_PRIORITY_REVIEW", file, Format.CSV_TYPE).path("id");
        given().get(SOURCES + "/freshness").then().statusCode(200)
                .body("find { it.kind == 'CDE_PRIORITY_REVIEW' }.pending", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        apply(id);
        given().get(SOURCES + "/freshness").then().statusCode(200)
                .body("kind", equalTo(List.of("NMPA_APPROVAL_NOTICE", "CDE_ACCEPTANCES", "CDE_PRIORITY_REVIEW",
                        "CDE_BREAKTHROUGH", "CDE_MARKETED_CATALOGUE")))
                .body("find { it.kind == 'CDE_PRIORITY_REVIEW' }.ageDays", equalTo(1));
        given().get(SOURCES + "?kind=CDE_PRIORITY_REVIEW&limit=500").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().get(SOURCES + "?kind=CDE_PRIORITY_REVIEW&status=APPLIED&sha256=" + "0".repeat(64)).then()
                .statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }
}
