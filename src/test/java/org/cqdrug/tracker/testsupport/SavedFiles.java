package org.cqdrug.tracker.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Files as a person saves them from the official lists (NMPA, CDE) to upload them: a browser's saved HTML page, a CSV,
 * an xlsx workbook, each built from a {@link Sheet} of header labels and rows, plus two that hold no data table. The
 * same input gives the same bytes in every run (the xlsx aside, whose properties carry the time it was made).
 */
public final class SavedFiles {

    /** The address the HTML pages say they were saved from. */
    public static final String SAVED_FROM = "https://www.nmpa.gov.cn/zwfw/sdxx/sdxxyp/yppjfb/20200908160521101.html";
    /** {@link #xlsxZipBomb()}'s sheet1.xml inflates to more than this many bytes (220 MiB). */
    public static final long ZIP_BOMB_SHEET_BYTES = 220L * 1024 * 1024;

    private static final DateTimeFormatter HTML_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT);
    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT);
    /** What a saved page has around a cell's text: nothing, spaces, line breaks and tabs, non-breaking spaces. */
    private static final String[] PADDING = {"", "", " ", "  ", "\n\t\t\t\t", "\r\n\t", "&nbsp;", " &nbsp; ",
        "\n&nbsp;"};

    private SavedFiles() {
    }

    /** A table with these header labels; add rows with {@link Sheet#row}. */
    public static Sheet sheet(String... header) {
        return new Sheet(List.of(header));
    }

    /** Header labels and rows; a cell is a String, a LocalDate (a date), an Integer, or null (empty). */
    public static final class Sheet {

        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Sheet(List<String> header) {
            this.header = header;
        }

        public Sheet row(Object... cells) {
            for (Object cell : cells) {
                if (cell != null && !(cell instanceof String || cell instanceof LocalDate || cell instanceof Integer)) {
                    throw new IllegalArgumentException("a cell is a String, LocalDate or Integer: " + cell.getClass());
                }
            }
            rows.add(Collections.unmodifiableList(Arrays.asList(cells.clone())));
            return this;
        }

        public List<String> header() {
            return header;
        }

        public List<List<Object>> rows() {
            return Collections.unmodifiableList(rows);
        }
    }

    /** {@link #html(Sheet, Charset, int)} with the header once. */
    public static byte[] html(Sheet sheet, Charset charset) {
        return html(sheet, charset, 0);
    }

    /**
     * A list page as a browser saves it: doctype, Chrome's "saved from" comment, the charset declared in a meta tag
     * (its Java name in lower case), an anti-bot script whose strings hold {@code <td>}, a navigation table of links
     * before the data table, then the data table in nested divs: {@code <thead>} of {@code <th>}, {@code <tbody>} of
     * {@code <td>}, a pagination footer. Cell text is HTML-escaped and padded with spaces, line breaks and
     * {@code &nbsp;}; header labels 1, 4, 7… (from 0) have spaces around them, labels 2, 5, 8… a trailing full-width
     * space (U+3000). Dates read {@code 2020年9月8日}; a null cell is {@code &nbsp;}. Every {@code repeatHeaderEvery}
     * data rows (0: never) the header comes again as a {@code <tbody>} row of {@code <td>} cells. A character the
     * charset lacks is written as a numeric character reference.
     */
    public static byte[] html(Sheet sheet, Charset charset, int repeatHeaderEvery) {
        if (repeatHeaderEvery < 0) {
            throw new IllegalArgumentException("repeatHeaderEvery < 0: " + repeatHeaderEvery);
        }
        Random random = new Random(20200908L);
        StringBuilder table = new StringBuilder(1024);
        table.append("<table class=\"list-table\" width=\"100%\" border=\"0\" cellspacing=\"1\" cellpadding=\"0\">\n")
                .append("<thead>\n<tr class=\"list-head\">");
        int width = 100 / Math.max(1, sheet.header().size());
        for (int i = 0; i < sheet.header().size(); i++) {
            table.append("\n<th width=\"").append(width).append("%\" nowrap=\"nowrap\">")
                    .append(pad(random)).append(label(sheet.header(), i)).append(pad(random)).append("</th>");
        }
        table.append("\n</tr>\n</thead>\n<tbody>");
        for (int r = 0; r < sheet.rows().size(); r++) {
            if (repeatHeaderEvery > 0 && r > 0 && r % repeatHeaderEvery == 0) {
                table.append("\n<tr class=\"list-head\">");
                for (int i = 0; i < sheet.header().size(); i++) {
                    table.append("<td align=\"center\">").append(pad(random)).append(label(sheet.header(), i))
                            .append(pad(random)).append("</td>");
                }
                table.append("</tr>");
            }
            table.append("\n<tr class=\"").append(r % 2 == 0 ? "odd" : "even").append("\">");
            for (Object cell : sheet.rows().get(r)) {
                String text = cell == null ? "&nbsp;" : escape(text(cell, HTML_DATE));
                table.append("\n\t<td align=\"center\">").append(pad(random)).append(text).append(pad(random))
                        .append("</td>");
            }
            table.append("\n</tr>");
        }
        table.append("\n</tbody>\n</table>");
        String page = PAGE.replace("{charset}", charset.name().toLowerCase(Locale.ROOT))
                .replace("{savedFrom}", savedFrom())
                .replace("{count}", Integer.toString(sheet.rows().size()))
                .replace("{table}", table);
        return encode(referencesForUnmappable(page, charset), charset);
    }

    /**
     * RFC 4180 (commons-csv): CRLF line ends, fields quoted where needed. Dates read {@code 2024/5/1}. With
     * {@code bom}, U+FEFF first (EF BB BF in UTF-8); a charset that cannot encode it, or any cell, is refused.
     */
    public static byte[] csv(Sheet sheet, Charset charset, boolean bom) {
        StringBuilder text = new StringBuilder(1024);
        if (bom) {
            text.append('\uFEFF');
        }
        try (CSVPrinter printer = CSVFormat.RFC4180.print(text)) {
            printer.printRecord(sheet.header());
            for (List<Object> row : sheet.rows()) {
                printer.printRecord(row.stream().map(cell -> cell == null ? "" : text(cell, CSV_DATE)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return encode(text, charset);
    }

    /**
     * A workbook as the catalogue's export gives it: on the first sheet two merged title rows (中国上市药品目录集,
     * an export date), then the header (bold), then the rows from row 4. Dates are date cells formatted
     * {@code yyyy-mm-dd}, integers number cells, text inline strings; null leaves the cell empty.
     */
    public static byte[] xlsx(Sheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            Workbook workbook = new Workbook(out, "SavedFiles", "1.0");
            Worksheet ws = workbook.newWorksheet("上市药品目录集");
            int width = sheet.header().size();
            ws.inlineString(0, 0, "中国上市药品目录集");
            ws.style(0, 0).bold().fontSize(14).set();
            ws.inlineString(1, 0, "导出日期：2024年5月1日");
            if (width > 1) {
                ws.range(0, 0, 0, width - 1).merge();
                ws.range(1, 0, 1, width - 1).merge();
            }
            for (int c = 0; c < width; c++) {
                ws.inlineString(2, c, sheet.header().get(c));
                ws.style(2, c).bold().set();
            }
            for (int r = 0; r < sheet.rows().size(); r++) {
                List<Object> row = sheet.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object cell = row.get(c);
                    if (cell instanceof LocalDate date) {
                        ws.value(r + 3, c, date);
                        ws.style(r + 3, c).format("yyyy-mm-dd").set();
                    } else if (cell instanceof Integer number) {
                        ws.value(r + 3, c, number);
                    } else if (cell instanceof String string) {
                        ws.inlineString(r + 3, c, string);
                    }
                }
            }
            ws.finish();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The page saved before its anti-bot script ran: doctype, "saved from" comment, meta charset, scripts that set
     * {@code document.cookie}, text that names the list's columns, a list and links; no {@code <table} anywhere.
     */
    public static byte[] htmlWithoutTable(Charset charset) {
        String page = CHALLENGE.replace("{charset}", charset.name().toLowerCase(Locale.ROOT))
                .replace("{savedFrom}", savedFrom());
        return encode(referencesForUnmappable(page, charset), charset);
    }

    /**
     * A zip laid out as an xlsx (content types, relationships, workbook, one worksheet) whose xl/worksheets/sheet1.xml
     * starts as a sheet with a header row, then has more than {@link #ZIP_BOMB_SHEET_BYTES} bytes of spaces: about a
     * quarter of a megabyte on disk. Made once per JVM, deflated at best compression from a small buffer.
     */
    public static byte[] xlsxZipBomb() {
        return ZipBomb.BYTES.clone();
    }

    private static final class ZipBomb {

        static final byte[] BYTES = build();

        private static byte[] build() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
            try (ZipOutputStream zip = new ZipOutputStream(out, UTF_8)) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                entry(zip, "[Content_Types].xml", XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                        + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                        + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                        + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/"
                        + "sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
                        + "worksheet+xml\"/></Types>");
                entry(zip, "_rels/.rels", XML + "<Relationships xmlns=\"" + RELATIONSHIPS + "\"><Relationship "
                        + "Id=\"rId1\" Type=\"" + OFFICE_DOCUMENT + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                        + "</Relationships>");
                entry(zip, "xl/workbook.xml", XML + "<workbook xmlns=\"" + SPREADSHEET + "\" xmlns:r=\""
                        + OFFICE_DOCUMENT + "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                        + "</workbook>");
                entry(zip, "xl/_rels/workbook.xml.rels", XML + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">"
                        + "<Relationship Id=\"rId1\" Type=\"" + OFFICE_DOCUMENT + "/worksheet\" "
                        + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                zip.write((XML + "<worksheet xmlns=\"" + SPREADSHEET + "\"><sheetData><row r=\"1\">"
                        + "<c r=\"A1\" t=\"inlineStr\"><is><t>受理号</t></is></c>"
                        + "<c r=\"B1\" t=\"inlineStr\"><is><t>药品名称</t></is></c></row>").getBytes(UTF_8));
                byte[] spaces = new byte[1 << 16];
                Arrays.fill(spaces, (byte) ' ');
                for (long written = 0; written <= ZIP_BOMB_SHEET_BYTES; written += spaces.length) {
                    zip.write(spaces);
                }
                zip.write("</sheetData></worksheet>".getBytes(UTF_8));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(UTF_8));
            zip.closeEntry();
        }
    }

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static String label(List<String> header, int i) {
        String label = escape(header.get(i));
        return switch (i % 3) {
            case 1 -> " " + label + " ";
            case 2 -> label + "\u3000";
            default -> label;
        };
    }

    private static String pad(Random random) {
        return PADDING[random.nextInt(PADDING.length)];
    }

    private static String text(Object cell, DateTimeFormatter dates) {
        return cell instanceof LocalDate date ? dates.format(date) : cell.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Chrome's comment: the address's length in four digits, then the address. */
    private static String savedFrom() {
        return String.format(Locale.ROOT, "<!-- saved from url=(%04d)%s -->", SAVED_FROM.length(), SAVED_FROM);
    }

    private static String referencesForUnmappable(String text, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = Character.toString(codePoint);
            if (encoder.canEncode(character)) {
                out.append(character);
            } else {
                out.append("&#").append(codePoint).append(';');
            }
        });
        return out.toString();
    }

    private static byte[] encode(CharSequence text, Charset charset) {
        try {
            ByteBuffer bytes = charset.newEncoder().encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(charset + " cannot encode this text", e);
        }
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            {savedFrom}
            <html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">

            <meta http-equiv="X-UA-Compatible" content="IE=edge">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <meta id="9DhefwqGPrzGxEp9hPaoag" content="qJ3vnRzEd5y0Kx7aLmT2cw">
            <title>药品批准证明文件送达信息 - 国家药品监督管理局</title>
            <script type="text/javascript" r="m">
            // 访问验证：设置 cookie 后重新加载
            (function () {
              var tip = "<table class=\\"tip\\"><tr><td>正在进行安全验证，请稍候……</td></tr></table>";
              var v = (new Date()).getTime().toString(36) + Math.random().toString(36).slice(2);
              document.cookie="NfBCSins2OywO=" + v + "; path=/; SameSite=Lax";
              if (document.cookie.indexOf("NfBCSins2OywO") < 0) { document.write(tip); }
              window.rowHtml = function (a, b) { return "<tr><td>" + a + "</td><td>" + b + "</td></tr>"; };
            })();
            </script>
            <link rel="stylesheet" href="./20200908160521101_files/common.css">
            <style type="text/css">.list-table td, .list-table th { padding: 6px 4px; border-bottom: 1px dotted #ccc; }</style>
            </head>
            <body>
            <div class="header"><a href="https://www.nmpa.gov.cn/"><img src="./20200908160521101_files/logo.png" alt="国家药品监督管理局"></a></div>
            <table class="nav" width="100%" border="0" cellspacing="0" cellpadding="0"><tbody><tr>
            <td><a href="https://www.nmpa.gov.cn/">首页</a></td>
            <td><a href="https://www.nmpa.gov.cn/xxgk/">信息公开</a></td>
            <td><a href="https://www.nmpa.gov.cn/zwfw/">政务服务</a></td>
            <td><a href="https://www.nmpa.gov.cn/hdjl/">互动交流</a></td>
            <td><a href="https://www.nmpa.gov.cn/xxgk/kpzhsh/">科普专栏</a></td>
            </tr></tbody></table>
            <div class="position">当前位置：<a href="https://www.nmpa.gov.cn/">首页</a>&nbsp;&gt;&nbsp;<a href="https://www.nmpa.gov.cn/zwfw/">政务服务</a>&nbsp;&gt;&nbsp;药品批准证明文件送达信息</div>
            <div class="main">
              <div class="content">
                <div class="list-title">药品批准证明文件送达信息&nbsp;&nbsp;<span>（发布日期：2020-09-08）</span></div>
                <div class="list-box"><div class="table-wrap">
            {table}
                </div></div>
                <div class="page">共&nbsp;{count}&nbsp;条记录&nbsp;&nbsp;第&nbsp;1/1&nbsp;页&nbsp;&nbsp;<a href="javascript:void(0)">首页</a>&nbsp;<a href="javascript:void(0)">上一页</a>&nbsp;<a href="javascript:void(0)">下一页</a>&nbsp;<a href="javascript:void(0)">尾页</a></div>
              </div>
            </div>
            <div class="footer"><p>版权所有：国家药品监督管理局&nbsp;&nbsp;<a href="https://www.nmpa.gov.cn/wzdt/">网站地图</a>&nbsp;|&nbsp;<a href="https://www.nmpa.gov.cn/lxwm/">联系我们</a></p></div>
            <script type="text/javascript" src="./20200908160521101_files/jquery.min.js"></script>
            <script type="text/javascript">var _hmt = _hmt || []; $(".list-table tr:odd td").css("background", "#f7f7f7");</script>
            </body></html>
            """;

    private static final String CHALLENGE = """
            <!DOCTYPE html>
            {savedFrom}
            <html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
            <meta id="9DhefwqGPrzGxEp9hPaoag" content="qJ3vnRzEd5y0Kx7aLmT2cw">
            <title>国家药品监督管理局</title>
            <script type="text/javascript" r="m">
            (function () {
              var v = (new Date()).getTime().toString(36);
              document.cookie="NfBCSins2OywO=" + v + "; path=/";
              var tip = "<div class=\\"tip\\"><p>正在进行安全验证……</p></div>";
              if (document.cookie.indexOf("NfBCSins2OywO") < 0) { document.write(tip); }
              setTimeout(function () { location.reload(); }, 1500);
            })();
            </script>
            </head>
            <body>
            <div class="tip">
              <p>药品批准证明文件送达信息（受理号、品名、申请单位、批准文号、签发日期）正在加载，请稍候……</p>
              <p>如果页面没有自动刷新，请开启浏览器的 JavaScript 后<a href="javascript:location.reload()">点击这里</a>。</p>
            </div>
            <ul class="links"><li><a href="https://www.nmpa.gov.cn/">首页</a></li><li><a href="https://www.nmpa.gov.cn/zwfw/">政务服务</a></li></ul>
            <noscript>您的浏览器未开启 JavaScript，无法查看本页内容。</noscript>
            </body></html>
            """;
}
