package org.cqdrug.tracker.source.read;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.cqdrug.tracker.source.Field.ACCEPTANCE_NUMBER;
import static org.cqdrug.tracker.source.Field.ACCEPTED_ON;
import static org.cqdrug.tracker.source.Field.APPROVAL_NUMBER;
import static org.cqdrug.tracker.source.Field.COMPANY;
import static org.cqdrug.tracker.source.Field.DRUG_NAME;
import static org.cqdrug.tracker.source.Field.ISSUED_ON;
import static org.cqdrug.tracker.source.Field.REGISTRATION_CLASS;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.cqdrug.tracker.source.Field;
import org.cqdrug.tracker.source.SourceKind;
import org.cqdrug.tracker.source.read.SavedTable.Row;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.SavedFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Saved official lists (HTML pages, CSV, xlsx) read into fields by their header labels, whatever their charset. */
@Tag(Lanes.UNIT)
class ReadingSavedListsTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String[] NOTICE = {"受理号", "品名", "申请单位", "批准文号", "签发日期"};
    private static final LocalDate ISSUED = LocalDate.of(2020, 9, 8);

    private static SavedFiles.Sheet noticeSheet(String... header) {
        return SavedFiles.sheet(header)
                .row("CXSS2500123国", "\u3000赛立奇单抗注射液\u3000", "重庆智翔金泰生物制药股份有限公司", "国药准字S20240028", ISSUED)
                .row("JXHS2400456", "<script>alert(1)</script>", "示例制药有限公司", null, ISSUED)
                .row("CXHL2400123苏", "甲苯磺酸尼拉帕利胶囊", "江苏恒瑞医药股份有限公司", "国药准字H20190035", ISSUED);
    }

    private static List<Row<Field>> read(SourceKind kind, RowReader reader) throws IOException {
        List<Row<Field>> rows = new ArrayList<>();
        new SavedTable<>(Field.class, kind.columns).read(reader, rows::add);
        return rows;
    }

    private static List<Row<Field>> notices(RowReader reader) throws IOException {
        return read(SourceKind.NMPA_APPROVAL_NOTICE, reader);
    }

    private static HtmlReader page(byte[] bytes) {
        return new HtmlReader(bytes, Charsets.ofPage(bytes, null), "https://example.org/");
    }

    private static void assertNotices(List<Row<Field>> rows, String issuedOn) {
        assertEquals(3, rows.size());
        assertEquals("CXSS2500123国", rows.get(0).get(ACCEPTANCE_NUMBER));
        assertEquals("赛立奇单抗注射液", rows.get(0).get(DRUG_NAME));
        assertEquals("重庆智翔金泰生物制药股份有限公司", rows.get(0).get(COMPANY));
        assertEquals("国药准字S20240028", rows.get(0).get(APPROVAL_NUMBER));
        assertEquals(issuedOn, rows.get(0).get(ISSUED_ON));
        assertEquals(Optional.of(ISSUED), ListDates.parse(rows.get(0).get(ISSUED_ON)));
        // Markup in a cell is text, kept as written; an empty cell is no value.
        assertEquals("<script>alert(1)</script>", rows.get(1).get(DRUG_NAME));
        assertNull(rows.get(1).get(APPROVAL_NUMBER));
        assertEquals("CXHL2400123苏", rows.get(2).get(ACCEPTANCE_NUMBER));
        for (Row<Field> row : rows) {
            for (String value : row.values().values()) {
                assertEquals(value.strip(), value);
                assertFalse(value.contains("\u00a0") || value.contains("\u3000") || value.contains("\n"), value);
                // The page's script, whose strings hold rows and cells, is never read as rows.
                assertFalse(value.contains("cookie") || value.contains("安全验证") || value.contains("首页"), value);
            }
        }
    }

    @Test
    void noticeColumnsAreFoundInGbkAndUtf8PagesAndTheirValuesCleaned() throws IOException {
        for (Charset charset : List.of(GBK, UTF_8)) {
            List<Row<Field>> rows = notices(page(SavedFiles.html(noticeSheet(NOTICE), charset)));
            assertNotices(rows, "2020年9月8日");
            // The menu table (0) is passed over: every row is the data table's.
            rows.forEach(row -> assertEquals(1, row.table()));
        }
    }

    @Test
    void aRepeatedHeaderRowIsNoDataRow() throws IOException {
        List<Row<Field>> rows = notices(page(SavedFiles.html(noticeSheet(NOTICE), UTF_8, 2)));
        assertNotices(rows, "2020年9月8日");
        // Lines count the page's rows: the menu's (1), the header (2), the repeated header (5).
        assertEquals(List.of(3, 4, 6), rows.stream().map(Row::line).toList());
    }

    @Test
    void columnsInAnotherOrderUnderOtherLabelsWithAnExtraOneMapToTheSameFields() throws IOException {
        SavedFiles.Sheet sheet = SavedFiles.sheet("签发日期", "备注", "批准文号/注册证号", "申请人", "药品名称", "受理号")
                .row(ISSUED, "首次批准", "国药准字S20240028", "重庆智翔金泰生物制药股份有限公司", "赛立奇单抗注射液", "CXSS2500123国");
        List<Row<Field>> rows = notices(page(SavedFiles.html(sheet, UTF_8)));
        assertEquals(1, rows.size());
        assertEquals(5, rows.get(0).values().size());
        assertEquals("CXSS2500123国", rows.get(0).get(ACCEPTANCE_NUMBER));
        assertEquals("赛立奇单抗注射液", rows.get(0).get(DRUG_NAME));
        assertEquals("国药准字S20240028", rows.get(0).get(APPROVAL_NUMBER));
        assertEquals("2020年9月8日", rows.get(0).get(ISSUED_ON));
    }

    @Test
    void labelsAreMatchedWithoutSurroundingWhitespaceOrFullWidthForms() throws IOException {
        byte[] csv = SavedFiles.csv(noticeSheet(" 受理号 ", "品名\u3000", "\t申请单位", "批准文号／注册证号", "签发日期 "), UTF_8, false);
        assertNotices(notices(new CsvReader(csv, Charsets.ofText(csv, null))), "2020/9/8");
    }

    @Test
    void aMissingRequiredColumnIsNamed() {
        byte[] bytes = SavedFiles.html(SavedFiles.sheet("受理号", "品名", "申请单位", "批准文号")
                .row("CXSS2500123国", "赛立奇单抗注射液", "重庆智翔金泰生物制药股份有限公司", "国药准字S20240028"), UTF_8);
        SavedTable.MissingColumnsException missing =
                assertThrows(SavedTable.MissingColumnsException.class, () -> notices(page(bytes)));
        assertEquals(List.of("签发日期"), missing.missing);
        assertTrue(missing.anyFound);
    }

    @Test
    void aPageWithoutATableHasNoColumnAtAll() {
        byte[] bytes = SavedFiles.htmlWithoutTable(GBK);
        SavedTable.MissingColumnsException missing =
                assertThrows(SavedTable.MissingColumnsException.class, () -> notices(page(bytes)));
        assertEquals(Arrays.asList(NOTICE), missing.missing);
        assertFalse(missing.anyFound);
    }

    @Test
    void csvIsReadWithItsBomOrInGbkWithoutDeclaration() throws IOException {
        byte[] bom = SavedFiles.csv(noticeSheet(NOTICE), UTF_8, true);
        assertEquals(UTF_8, Charsets.ofText(bom, null));
        List<Row<Field>> rows = notices(new CsvReader(bom, Charsets.ofText(bom, null)));
        assertNotices(rows, "2020/9/8");
        assertEquals(List.of(2, 3, 4), rows.stream().map(Row::line).toList());

        byte[] gbk = SavedFiles.csv(noticeSheet(NOTICE), GBK, false);
        assertEquals("GB18030", Charsets.ofText(gbk, null).name());
        assertNotices(notices(new CsvReader(gbk, Charsets.ofText(gbk, null))), "2020/9/8");
    }

    @Test
    void aWorkbookHeaderIsFoundUnderTitleRowsAndItsDatesReadAsIsoText() throws IOException {
        byte[] xlsx = SavedFiles.xlsx(SavedFiles.sheet("受理号", "药品名称", "药品类型", "注册分类", "企业名称", "承办日期")
                .row("CXHL2400123", "示例单抗注射液", "治疗用生物制品", 1, "重庆示例生物技术有限公司", LocalDate.of(2024, 5, 1)));
        ZipGuard.check(xlsx, 128L << 20);
        List<Row<Field>> rows = read(SourceKind.CDE_ACCEPTANCES, new XlsxReader(xlsx));
        assertEquals(1, rows.size());
        assertEquals("CXHL2400123", rows.get(0).get(ACCEPTANCE_NUMBER));
        assertEquals("1", rows.get(0).get(REGISTRATION_CLASS));
        assertEquals("2024-05-01", rows.get(0).get(ACCEPTED_ON));
        // Two title rows and the header come first: the row is the worksheet's row 4.
        assertEquals(4, rows.get(0).line());
    }

    @Test
    void theZipGuardRefusesABombAndWhatIsNoZip() {
        byte[] bomb = SavedFiles.xlsxZipBomb();
        assertThrows(ZipGuard.InflatesTooFarException.class, () -> ZipGuard.check(bomb, 128L << 20));
        byte[] page = SavedFiles.html(noticeSheet(NOTICE), UTF_8);
        assertThrows(MalformedFileException.class, () -> ZipGuard.check(page, 128L << 20));
        byte[] xlsx = SavedFiles.xlsx(SavedFiles.sheet("药品名称").row("示例单抗注射液"));
        assertDoesNotThrow(() -> ZipGuard.check(xlsx, 128L << 20));
    }

    @Test
    void aPageDeclaringGb2312IsReadAsGb18030AndABomWinsOverADeclaration() {
        byte[] gb2312 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                .getBytes(US_ASCII);
        assertEquals("GB18030", Charsets.ofPage(gb2312, null).name());
        assertEquals("GB18030", Charsets.ofPage(SavedFiles.html(noticeSheet(NOTICE), GBK), null).name());
        byte[] body = "<html><head><meta charset=\"gbk\"></head><body>受理号</body></html>".getBytes(UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals(UTF_8, Charsets.ofPage(withBom, null));
        assertEquals(UTF_8, Charsets.ofPage(withBom, "gbk"));
    }

    @Test
    void listDatesAreReadInTheFormsListsWriteThem() {
        assertEquals(Optional.of(LocalDate.of(2020, 9, 8)), ListDates.parse("2020年9月8日"));
        assertEquals(Optional.of(LocalDate.of(2024, 5, 1)), ListDates.parse("2024-05-01"));
        assertEquals(Optional.of(LocalDate.of(2024, 5, 1)), ListDates.parse("2024/5/1"));
        assertEquals(Optional.of(LocalDate.of(2024, 5, 1)), ListDates.parse("2024.5.1"));
        assertEquals(Optional.of(LocalDate.of(2024, 5, 1)), ListDates.parse("2024-05-01 00:00:00"));
        for (String text : Arrays.asList("2024-13-01", "2024年2月30日", "五月一日", "", null)) {
            assertEquals(Optional.empty(), ListDates.parse(text), String.valueOf(text));
        }
    }

    @Test
    void aCellIsCleanedOfFullWidthAndNoBreakSpaces() {
        assertEquals("赛立奇单抗 注射液", Text.cell("\u3000赛立奇单抗\u00a0 \u3000注射液\n"));
        assertEquals("CXSS2500123", Text.cell("ＣＸＳＳ２５００１２３"));
        assertNull(Text.cell("\u00a0\u3000 "));
        assertEquals("批准文号/注册证号", Text.key(" 批准文号 ／ 注册证号\u3000"));
    }
}
