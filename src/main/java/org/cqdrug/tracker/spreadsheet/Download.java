package org.cqdrug.tracker.spreadsheet;

import java.util.Optional;
import java.util.function.Consumer;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * How an endpoint that also answers as a spreadsheet was asked: by Accept ({@code text/csv}, or the xlsx type), or by
 * the {@code format} parameter, for links and tools that cannot set headers.
 */
public class Download {

    public static final String FORMAT = "format";

    @QueryParam(FORMAT)
    @Parameter(description = "csv or xlsx: the spreadsheet form, as with Accept: text/csv or Accept: " + Format.XLSX_TYPE
            + "; takes precedence over Accept", schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"}))
    public Format format;

    @QueryParam("bom")
    @Parameter(description = "true to start a CSV answer with a UTF-8 byte-order mark, so that Excel on Chinese"
            + " Windows reads its Chinese names; ignored by the other forms", example = "true")
    public Boolean bom;

    @Context
    HttpHeaders headers;

    /** The spreadsheet form asked for; empty when the client wants JSON. */
    public Optional<Format> requested() {
        return Format.requested(format, headers.getAcceptableMediaTypes());
    }

    /**
     * The spreadsheet answer, or empty when the client wants JSON: the table's header, then each row the producer
     * hands over, streamed without holding them; {@code name} names the file and the worksheet.
     */
    public <V> Optional<Response> answer(Table<V> table, String name, Consumer<Consumer<V>> producer) {
        return requested().map(chosen -> table.response(chosen, Boolean.TRUE.equals(bom), name, producer));
    }
}
