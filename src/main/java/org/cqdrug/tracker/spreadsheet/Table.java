package org.cqdrug.tracker.spreadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The spreadsheet shape of one kind of row, derived from its view record so that the CSV and the workbook say what the
 * JSON says: one column per record component, named like the JSON property and in the same order; a nested record's
 * components take its place. Export streams rows as they are produced, in either {@link Format}.
 */
public final class Table<V> {

    private static final Map<Class<?>, Table<?>> DERIVED = new ConcurrentHashMap<>();

    private static final int ABORT_WAIT_SECONDS = 10;

    private final Map<String, Function<V, Object>> columns;

    /** Each column's top-level component, so that a nested record's columns can be replaced together. */
    private final Map<String, String> components;

    private Table(Map<String, Function<V, Object>> columns, Map<String, String> components) {
        this.columns = columns;
        this.components = components;
    }

    /** The table of a view record, derived once per type. */
    @SuppressWarnings("unchecked")
    public static <V extends Record> Table<V> of(Class<V> view) {
        return (Table<V>) DERIVED.computeIfAbsent(view, type -> {
            Map<String, Function<Object, Object>> columns = new LinkedHashMap<>();
            Map<String, String> components = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                int before = columns.size();
                addComponents(type, Function.identity(), columns, component);
                columns.keySet().stream().skip(before).forEach(column -> components.put(column, component.getName()));
            }
            return new Table<>(columns, components);
        });
    }

    private static void addComponents(Class<?> type, Function<Object, Object> owner,
            Map<String, Function<Object, Object>> columns) {
        for (RecordComponent component : type.getRecordComponents()) {
            addComponents(type, owner, columns, component);
        }
    }

    private static void addComponents(Class<?> type, Function<Object, Object> owner,
            Map<String, Function<Object, Object>> columns, RecordComponent component) {
        {
            Method accessor = component.getAccessor();
            Function<Object, Object> value = row -> {
                Object parent = owner.apply(row);
                return parent == null ? null : read(accessor, parent);
            };
            if (component.getType().isRecord()) {
                addComponents(component.getType(), value, columns);
            } else if (columns.putIfAbsent(component.getName(), value) != null) {
                throw new IllegalStateException(type + " repeats the column " + component.getName());
            }
        }
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A copy in which one column, or every column of a nested record component, is replaced, in its place, by others:
     * for a component that has no single cell, or whose fields need names of their own.
     */
    public Table<V> replace(String column, Map<String, Function<V, Object>> with) {
        boolean nested = !columns.containsKey(column) && components.containsValue(column);
        if (!columns.containsKey(column) && !nested) {
            throw new IllegalArgumentException("No column " + column);
        }
        Map<String, Function<V, Object>> copy = new LinkedHashMap<>();
        Map<String, String> copyComponents = new LinkedHashMap<>();
        columns.forEach((name, getter) -> {
            boolean replaced = nested ? column.equals(components.get(name)) : name.equals(column);
            if (!replaced) {
                copy.put(name, getter);
                copyComponents.put(name, components.get(name));
            } else if (!copy.keySet().containsAll(with.keySet())) {
                copy.putAll(with);
                with.keySet().forEach(added -> copyComponents.put(added, added));
            }
        });
        return new Table<>(copy, copyComponents);
    }

    /** A copy with one more column before the others, such as the as-of date every row of a report shares. */
    public Table<V> first(String column, Function<V, Object> value) {
        Map<String, Function<V, Object>> copy = new LinkedHashMap<>();
        Map<String, String> copyComponents = new LinkedHashMap<>();
        copy.put(column, value);
        copyComponents.put(column, column);
        copy.putAll(columns);
        copyComponents.putAll(components);
        return new Table<>(copy, copyComponents);
    }

    public List<String> headers() {
        return List.copyOf(columns.keySet());
    }

    /**
     * A 200 answer in the given form that writes the header and then each row the producer hands over, without
     * holding them. A failure after the first bytes left cannot become an error status any more: the body is then not
     * ended, so the client sees a broken transfer rather than a short file that looks complete.
     *
     * @param bom whether a CSV answer starts with a UTF-8 byte-order mark
     * @param file what the file holds and how it is named and worded
     */
    public Response response(Format format, boolean bom, ExportFile file, Consumer<Consumer<V>> producer) {
        Labels labels = file.labels();
        List<String> header = headers().stream().map(labels::word).toList();
        StreamingOutput body = out -> {
            Rows rows = format.rows(out, bom, file.sheet());
            Object[] cells = new Object[columns.size()];
            try {
                rows.about(labels.word("about"), file.about());
                rows.header(header);
                producer.accept(row -> {
                    int i = 0;
                    for (Function<V, Object> getter : columns.values()) {
                        cells[i++] = labels.value(getter.apply(row));
                    }
                    try {
                        rows.row(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException e) {
                abortIfAnswered();
                // A write that failed means the client went away: nothing is wrong with the service.
                throw new ExportAborted(e, e instanceof UncheckedIOException);
            }
            rows.finish();
        };
        return Response.ok(body, format.contentType())
                .header("Content-Disposition", file.disposition(format.extension)).build();
    }

    /** A value as text in a cell: an enum by its name, anything else as it prints. */
    static String text(Object value) {
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** A list in one cell: its items' text, each as {@code each} makes it, joined by ';'. */
    static String joined(Collection<?> list, Function<Object, String> each) {
        return list.stream().map(each).collect(Collectors.joining(";"));
    }

    /** One spreadsheet form's writer. */
    interface Rows {

        /** What the file holds, as label and value pairs, before its rows; only a workbook has room for it. */
        default void about(String title, List<String[]> lines) throws IOException {
        }

        void header(List<String> names) throws IOException;

        /** Writes one row; the array is reused for the next. */
        void row(Object[] cells) throws IOException;

        void finish() throws IOException;
    }

    /**
     * Once the status line has left, breaks the transfer before the HTTP layer goes on to handle the failure: that
     * handling still ends the chunked body, and a body ended cleanly would look like a complete file. On HTTP/2 the
     * stream is reset; on HTTP/1.1 the connection is closed, and this waits until it is.
     */
    private static void abortIfAnswered() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null || !request.serverResponse().headWritten()) {
            return;
        }
        HttpServerRequest http = request.serverRequest().unwrap(HttpServerRequest.class);
        if (http.version() == HttpVersion.HTTP_2) {
            http.response().reset();
            return;
        }
        try {
            http.connection().close().toCompletionStage().toCompletableFuture().get(ABORT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The connection is going or gone either way; the failure itself is what gets reported.
        }
    }

    /** A streaming export that failed; the problem mapper logs it, or answers a problem if nothing was sent yet. */
    public static final class ExportAborted extends IOException {

        /** True when the client stopped reading, rather than the service failing. */
        public final boolean clientGone;

        ExportAborted(Throwable cause, boolean clientGone) {
            super("Export aborted", cause);
            this.clientGone = clientGone;
        }
    }
}
