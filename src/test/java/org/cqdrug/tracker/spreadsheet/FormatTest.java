package org.cqdrug.tracker.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.UNIT)
class FormatTest {

    /** The Accept header's types in order of preference, as JAX-RS sorts them. */
    private static Optional<Format> accept(String... types) {
        List<MediaType> acceptable = Arrays.stream(types).map(MediaType::valueOf).toList();
        return Format.requested(null, acceptable);
    }

    @Test
    void acceptChoosesTheFirstTypeThatCoversJsonOrASpreadsheet() {
        assertEquals(Optional.empty(), accept());
        assertEquals(Optional.empty(), accept("*/*"));
        assertEquals(Optional.empty(), accept("application/json", "text/csv"));
        assertEquals(Optional.of(Format.CSV), accept("text/csv", "application/json"));
        assertEquals(Optional.of(Format.XLSX), accept(Format.XLSX_TYPE, "text/csv"));
        // A wildcard subtype covers the one spreadsheet type of its kind, unless it covers JSON too.
        assertEquals(Optional.of(Format.CSV), accept("text/*", "application/json"));
        assertEquals(Optional.empty(), accept("application/*"));
        // Types that name neither are passed over.
        assertEquals(Optional.of(Format.CSV), accept("text/html", "text/csv"));
    }

    @Test
    void theFormatParameterWinsOverAccept() {
        assertEquals(Optional.of(Format.XLSX), Format.requested(Format.XLSX, List.of(MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(Format.CSV, Format.fromString("csv"));
        assertEquals(null, Format.parameter("pdf"));
    }
}
