package org.cqdrug.tracker.common.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV shape of one kind of row: named columns read from a view. Lists become values joined by ';', nulls
 * become empty cells. Export streams rows as they are produced; import reads the same headers.
 */
public final class CsvTable<V> {

    public static final String MEDIA_TYPE = "text/csv";
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final List<String> headers = new ArrayList<>();
    private final List<Function<V, Object>> getters = new ArrayList<>();

    public CsvTable<V> column(String header, Function<V, Object> getter) {
        headers.add(header);
        getters.add(getter);
        return this;
    }

    public List<String> headers() {
        return List.copyOf(headers);
    }

    /** A 200 answer that writes the header and then each row the producer hands over, without holding them. */
    public Response response(String filename, Consumer<Consumer<V>> producer) {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try (CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                printer.printRecord(headers);
                producer.accept(row -> {
                    try {
                        for (Function<V, Object> getter : getters) {
                            printer.print(cell(getter.apply(row)));
                        }
                        printer.println();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return Response.ok(body, MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        if (value instanceof java.math.BigDecimal number) {
            return number.toPlainString();
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
