package org.cqdrug.tracker.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/** The spreadsheet forms of a list or report, besides its JSON. */
public enum Format {

    CSV(Format.CSV_TYPE, "csv"),
    XLSX(Format.XLSX_TYPE, "xlsx");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public final MediaType mediaType;
    /** The file name extension, and the value of the {@code format} parameter. */
    public final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = MediaType.valueOf(mediaType);
        this.extension = extension;
    }

    /** The Content-Type of an answer in this form. */
    public String contentType() {
        return this == CSV ? CSV_TYPE + "; charset=UTF-8" : XLSX_TYPE;
    }

    /** The writer of this form; {@code bom} applies to CSV, {@code name} to a workbook's sheet. */
    Table.Rows rows(OutputStream out, boolean bom, String name) throws IOException {
        return this == CSV ? new CsvRows(out, bom) : new XlsxRows(out, name);
    }

    /** Reads the {@code format} parameter: csv or xlsx. */
    public static Format fromString(String value) {
        for (Format format : values()) {
            if (format.extension.equals(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not csv or xlsx");
    }

    /**
     * The spreadsheet form a client asked for: the {@code format} parameter when given, otherwise the first of the
     * Accept header's types that covers JSON or a spreadsheet; empty for JSON, the default and the answer to any
     * type that covers JSON too.
     *
     * @param acceptable the Accept header's types, most preferred first
     */
    public static Optional<Format> requested(Format parameter, List<MediaType> acceptable) {
        if (parameter != null) {
            return Optional.of(parameter);
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Optional.empty();
            }
            for (Format format : values()) {
                // text/* names CSV, the one spreadsheet type it covers; application/* was taken as JSON above.
                if (accepted.isCompatible(format.mediaType)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code format} query parameter read leniently, for filters that run before binding refuses a bad one. */
    public static Format parameter(String raw) {
        try {
            return raw == null ? null : fromString(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
