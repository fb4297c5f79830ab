package org.cqdrug.tracker.source.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An xlsx workbook's first worksheet (exports have one), rows streamed as the XML is read (fastexcel-reader); run
 * ZipGuard first.
 * Date cells become ISO dates; a formula is kept as its text, never evaluated.
 */
public final class XlsxReader implements RowReader {

    private static final ReadingOptions FORMATS = new ReadingOptions(true, false);

    private final byte[] bytes;

    public XlsxReader(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public void read(Sink sink) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), FORMATS)) {
            {
                Sheet sheet = workbook.getFirstSheet();
                try (Stream<Row> rows = sheet.openStream()) {
                    for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                        Row row = it.next();
                        List<String> cells = new ArrayList<>(row.getCellCount());
                        for (int column = 0; column < row.getCellCount(); column++) {
                            cells.add(text(row.getCell(column)));
                        }
                        sink.row(0, row.getRowNum(), cells);
                    }
                }
            }
        } catch (ExcelReaderException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedFileException("the file is not a readable xlsx workbook: " + e.getMessage());
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case FORMULA -> "=" + cell.getFormula();
            case NUMBER -> dated(cell) ? cell.asDate().toLocalDate().toString() : plain(cell.asNumber());
            case EMPTY, ERROR -> null;
            default -> cell.getText();
        };
    }

    private static boolean dated(Cell cell) {
        String format = cell.getDataFormatString();
        Integer id = cell.getDataFormatId();
        boolean builtInDate = id != null && (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47
                || id >= 50 && id <= 58);
        // Quoted literals and colours are not date parts.
        String parts = format == null ? "" : format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return builtInDate || parts.contains("y") || parts.contains("d") && parts.contains("m");
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
