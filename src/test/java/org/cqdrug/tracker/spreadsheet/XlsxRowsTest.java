package org.cqdrug.tracker.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.UNIT)
class XlsxRowsTest {

    @Test
    void rowsFlushedAsTheyComeAcrossSheetsArriveWholeAndInOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxRows rows = new XlsxRows(out, "candidates", 300);
        rows.header(List.of("n", "designations"));
        for (int i = 0; i < 700; i++) {
            rows.row(new Object[] {i, i % 2 == 0 ? List.of() : List.of("PRIORITY_REVIEW", "ORPHAN_DRUG")});
        }
        rows.finish();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()),
                new ReadingOptions(true, true))) {
            List<Integer> numbers = new java.util.ArrayList<>();
            for (Sheet sheet : workbook.getSheets().toList()) {
                for (Row row : sheet.read().subList(1, sheet.read().size())) {
                    int n = row.getCell(0).asNumber().intValue();
                    numbers.add(n);
                    // An empty list is an empty cell, not an empty string.
                    assertEquals(n % 2 == 0 ? null : "PRIORITY_REVIEW;ORPHAN_DRUG",
                            row.getCellCount() > 1 && row.getCell(1) != null ? row.getCell(1).getText() : null);
                }
            }
            assertEquals(java.util.stream.IntStream.range(0, 700).boxed().toList(), numbers);
            assertEquals(3, workbook.getSheets().count());
        }
    }

    @Test
    void rowsPastAWorksheetsLimitGoOnToAnotherSheetUnderTheSameHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxRows rows = new XlsxRows(out, "approvals", 3);
        rows.header(List.of("year", "approvedOn"));
        for (int i = 0; i < 5; i++) {
            rows.row(new Object[] {2020 + i, LocalDate.of(2020 + i, 6, 1)});
        }
        rows.finish();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()),
                new ReadingOptions(true, true))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(List.of("approvals", "approvals 2", "approvals 3"), sheets.stream().map(Sheet::getName).toList());
            List<Integer> years = new java.util.ArrayList<>();
            for (Sheet sheet : sheets) {
                List<Row> read = sheet.read();
                assertEquals(List.of("year", "approvedOn"), read.get(0).stream().map(Cell::getText).toList());
                for (Row row : read.subList(1, read.size())) {
                    years.add(row.getCell(0).asNumber().intValue());
                    assertEquals(CellType.NUMBER, row.getCell(1).getType());
                    assertEquals("yyyy-mm-dd", row.getCell(1).getDataFormatString());
                    assertEquals(LocalDate.of(years.get(years.size() - 1), 6, 1), row.getCell(1).asDate().toLocalDate());
                }
            }
            assertEquals(List.of(2020, 2021, 2022, 2023, 2024), years);
            assertEquals(BigDecimal.valueOf(2020), sheets.get(0).read().get(1).getCell(0).asNumber());
        }
    }
}
