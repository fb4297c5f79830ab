package org.cqdrug.tracker.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Office Open XML workbook with typed cells: numbers as numbers, dates as dates, instants as UTC date-times, true
 * and false as booleans, lists as values joined by ';'; nulls and empty lists leave the cell empty. Text is written inline rather than into the shared-string
 * table and rows are flushed as they come, so memory stays constant however many rows there are; rows beyond a
 * worksheet's limit go on to a second one. Text is never a formula in a workbook, so it is written as it is.
 */
final class XlsxRows implements Table.Rows {

    private static final String DATE = "yyyy-mm-dd";
    private static final String DATE_TIME = "yyyy-mm-dd hh:mm:ss";
    private static final int FLUSH_EVERY = 256;
    /** Excel's longest sheet name. */
    private static final int NAME_LIMIT = 31;

    private final Workbook workbook;
    private final String name;
    /** Rows in a worksheet, its header included. */
    private final int sheetRows;
    private List<String> header;
    private Worksheet sheet;
    private int sheets;
    private int row;

    XlsxRows(OutputStream out, String name) {
        this(out, name, Worksheet.MAX_ROWS);
    }

    XlsxRows(OutputStream out, String name, int sheetRows) {
        this.sheetRows = sheetRows;
        workbook = new Workbook(out, "innodrug-tracker", "1.0");
        this.name = name.length() > NAME_LIMIT - 4 ? name.substring(0, NAME_LIMIT - 4) : name;
    }

    /** A first worksheet saying what the workbook holds: the query, the as-of date, when it was exported. */
    @Override
    public void about(String title, List<String[]> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        Worksheet about = workbook.newWorksheet(title);
        for (int line = 0; line < lines.size(); line++) {
            for (int column = 0; column < lines.get(line).length; column++) {
                about.inlineString(line, column, lines.get(line)[column]);
            }
            about.style(line, 0).bold().set();
        }
        about.width(0, 24);
        about.width(1, 80);
        about.finish();
    }

    @Override
    public void header(List<String> names) {
        header = names;
        startSheet();
    }

    private void startSheet() {
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? name : name + " " + sheets);
        for (int column = 0; column < header.size(); column++) {
            sheet.inlineString(0, column, header.get(column));
            sheet.style(0, column).bold().set();
            sheet.width(column, Math.max(12, header.get(column).length() + 2));
        }
        sheet.freezePane(0, 1);
        row = 1;
    }

    @Override
    public void row(Object[] cells) throws IOException {
        if (row == sheetRows) {
            sheet.finish();
            startSheet();
        }
        for (int column = 0; column < cells.length; column++) {
            cell(column, cells[column]);
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void cell(int column, Object value) {
        if (value == null || value instanceof Collection<?> list && list.isEmpty()) {
            return;
        }
        if (value instanceof Number number) {
            sheet.value(row, column, number);
        } else if (value instanceof Boolean bool) {
            sheet.value(row, column, bool);
        } else if (value instanceof LocalDate date) {
            sheet.value(row, column, date);
            sheet.style(row, column).format(DATE).set();
        } else if (value instanceof Instant instant) {
            sheet.value(row, column, instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
            sheet.style(row, column).format(DATE_TIME).set();
        } else if (value instanceof Collection<?> list) {
            sheet.inlineString(row, column, Table.joined(list, Table::text));
        } else {
            sheet.inlineString(row, column, Table.text(value));
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
