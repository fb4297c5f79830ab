package org.cqdrug.tracker.source.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The data table of a saved list, found by its header labels rather than by position: the first row holding a label
 * of every required column starts it, in any table of the file. Extra columns, another order, whitespace and
 * full-width forms in labels, repeated header rows and empty rows are all fine. Each table whose header is found
 * is read with its own column positions.
 *
 * @param <F> the fields a list has
 */
public final class SavedTable<F extends Enum<F>> {

    /** A field, whether a list must have it, and the labels lists give it. */
    public record Column<F>(F field, boolean required, List<String> labels) {
    }

    /** One data row: its table, its line and the cleaned value of each field it has (absent when empty). */
    public record Row<F extends Enum<F>>(int table, int line, EnumMap<F, String> values) {

        public String get(F field) {
            return values.get(field);
        }
    }

    /** No table has every required column; {@code found} names the required ones the best candidate had. */
    public static class MissingColumnsException extends RuntimeException {

        public final List<String> missing;
        public final boolean anyFound;

        MissingColumnsException(List<String> missing, boolean anyFound) {
            super("missing column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing), null, false,
                    false);
            this.missing = missing;
            this.anyFound = anyFound;
        }
    }

    private final Class<F> type;
    private final Map<String, F> byLabel = new HashMap<>();
    private final Map<F, String> firstLabel;
    private final Set<F> required;

    public SavedTable(Class<F> type, List<Column<F>> columns) {
        this.type = type;
        this.firstLabel = new EnumMap<>(type);
        this.required = java.util.EnumSet.noneOf(type);
        for (Column<F> column : columns) {
            firstLabel.put(column.field(), column.labels().get(0));
            column.labels().forEach(label -> byLabel.put(Text.key(label), column.field()));
            if (column.required()) {
                required.add(column.field());
            }
        }
    }

    /**
     * Reads every data row, in order, into the consumer; answers how many were read.
     *
     * @throws MissingColumnsException when no table has a header with every required column
     */
    public int read(RowReader reader, Consumer<Row<F>> rows) throws IOException {
        Map<Integer, Map<Integer, F>> headers = new HashMap<>();
        Set<F> best = java.util.EnumSet.noneOf(type);
        int[] read = {0};
        reader.read((table, line, cells) -> {
            Map<Integer, F> positions = positions(cells);
            Set<F> present = java.util.EnumSet.noneOf(type);
            present.addAll(positions.values());
            if (present.containsAll(required)) {
                // A header, the first of its table or a repeat of it.
                headers.putIfAbsent(table, positions);
                return;
            }
            Map<Integer, F> header = headers.get(table);
            if (header == null) {
                present.retainAll(required);
                if (present.size() > best.size()) {
                    best.clear();
                    best.addAll(present);
                }
                return;
            }
            EnumMap<F, String> values = new EnumMap<>(type);
            header.forEach((position, field) -> {
                String value = position < cells.size() ? Text.cell(cells.get(position)) : null;
                if (value != null) {
                    values.putIfAbsent(field, value);
                }
            });
            if (!values.isEmpty()) {
                read[0]++;
                rows.accept(new Row<>(table, line, values));
            }
        });
        if (headers.isEmpty()) {
            Set<String> missing = new LinkedHashSet<>();
            required.stream().filter(field -> !best.contains(field)).forEach(field -> missing.add(firstLabel.get(field)));
            throw new MissingColumnsException(new ArrayList<>(missing), !best.isEmpty());
        }
        return read[0];
    }

    private Map<Integer, F> positions(List<String> cells) {
        Map<Integer, F> positions = new HashMap<>();
        Set<F> seen = java.util.EnumSet.noneOf(type);
        for (int i = 0; i < cells.size(); i++) {
            F field = byLabel.get(Text.key(cells.get(i)));
            if (field != null && seen.add(field)) {
                positions.put(i, field);
            }
        }
        return positions;
    }
}
