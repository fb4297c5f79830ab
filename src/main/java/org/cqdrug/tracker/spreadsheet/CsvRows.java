package org.cqdrug.tracker.spreadsheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV in UTF-8, nulls as empty cells; with {@code bom}, the file starts with the UTF-8 byte-order mark. */
final class CsvRows implements Table.Rows {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final CSVPrinter printer;

    CsvRows(OutputStream out, boolean bom) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (bom) {
            writer.write('\uFEFF');
        }
        printer = new CSVPrinter(writer, FORMAT);
    }

    @Override
    public void header(List<String> names) throws IOException {
        printer.printRecord(names);
    }

    @Override
    public void row(Object[] cells) throws IOException {
        for (Object value : cells) {
            printer.print(cell(value));
        }
        printer.println();
    }

    @Override
    public void finish() throws IOException {
        printer.close();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        // Text a spreadsheet would run as a formula gets a leading apostrophe, as OWASP advises against CSV injection.
        if (value instanceof Collection<?> list) {
            return Table.joined(list, item -> FormulaGuard.guarded(Table.text(item)));
        }
        return value instanceof CharSequence text ? FormulaGuard.guarded(text.toString()) : Table.text(value);
    }
}
