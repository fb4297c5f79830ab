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

    @QueryParam("lang")
    @Parameter(description = "zh for Chinese headers and values (as the page's Chinese view sends), en for the API's"
            + " names; Accept-Language decides when it is left out", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"zh", "en"}))
    public String lang;

    /** Parameters that shape the file rather than choose its rows, left out of its name. */
    private static final java.util.Set<String> NOT_FILTERS = java.util.Set.of(FORMAT, "bom", "lang", "sort", "limit",
            "cursor", "asOf");

    @Context
    HttpHeaders headers;

    @Context
    jakarta.ws.rs.core.UriInfo uri;

    /** The spreadsheet form asked for; empty when the client wants JSON. */
    public Optional<Format> requested() {
        return Format.requested(format, headers.getAcceptableMediaTypes());
    }

    /**
     * The spreadsheet answer, or empty when the client wants JSON: the table's header, then each row the producer
     * hands over, streamed without holding them. {@code name} names the worksheet and starts the file's name, which
     * goes on with the filters and the as-of date, so that a saved file says what it holds.
     */
    public <V> Optional<Response> answer(Table<V> table, String name, Consumer<Consumer<V>> producer) {
        return requested().map(chosen -> table.response(chosen, Boolean.TRUE.equals(bom), file(name), producer));
    }

    private ExportFile file(String name) {
        Labels labels = Labels.of(lang, headers.getAcceptableLanguages());
        jakarta.ws.rs.core.MultivaluedMap<String, String> query = uri.getQueryParameters();
        java.time.Clock clock = io.quarkus.arc.Arc.container().instance(java.time.Clock.class).get();
        String asOf = query.getFirst("asOf") != null ? query.getFirst("asOf") : java.time.LocalDate.now(clock).toString();
        StringBuilder file = new StringBuilder(name);
        new java.util.TreeMap<>(query).forEach((key, values) -> {
            if (!NOT_FILTERS.contains(key) && !values.isEmpty() && !values.get(0).isEmpty()) {
                file.append('_').append(key).append('-').append(values.get(0));
            }
        });
        file.append("_as-of-").append(asOf);
        String filters = query.keySet().stream().filter(key -> !NOT_FILTERS.contains(key)).sorted()
                .map(key -> key + "=" + query.getFirst(key)).collect(java.util.stream.Collectors.joining("&"));
        String evidence = query.getFirst("evidence");
        java.util.List<String[]> about = java.util.List.of(
                new String[] {labels.word("about.field"), labels.word("about.value")},
                new String[] {labels.word("about.resource"), uri.getPath()},
                new String[] {labels.word("about.query"), filters.isEmpty() ? "-" : filters},
                new String[] {labels.word("about.asOf"), asOf},
                new String[] {labels.word("about.exportedAt"), java.time.Instant.now(clock).toString()},
                new String[] {labels.word("about.evidence"), evidence != null ? evidence
                        : labels == Labels.CHINESE ? labels.word("about.evidence.default")
                        : "CONFIRMED (the default of counts; list rows carry their own evidence)"},
                new String[] {labels.word("about.source"), uri.getRequestUri().toString()});
        return new ExportFile(file.toString().replaceAll("[\\\\/:*?\"<>|]", "_"), name, labels, about);
    }
}
