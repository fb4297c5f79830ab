package org.cqdrug.tracker.spreadsheet;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.cqdrug.tracker.spreadsheet.FormulaGuard;

/**
 * Reads CSV rows into input records: the header names the record's JSON properties (columns the export adds, such
 * as id and timestamps, are ignored), empty cells are nulls, list columns are split on ';'. Every row is checked and
 * every problem collected with its line and column before the caller decides to write anything.
 */
public final class CsvImport<I> {

    private static final Set<String> SERVER_MANAGED = ImportColumns.SERVER_MANAGED;

    private final Class<I> type;
    private final Set<String> columns;
    private final Set<String> listColumns;
    private final ObjectMapper json;
    private final Validator validator;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public CsvImport(Class<I> type, Set<String> columns, Set<String> listColumns, ObjectMapper json, Validator validator) {
        this.type = type;
        this.columns = columns;
        this.listColumns = listColumns;
        this.json = json;
        this.validator = validator;
    }

    /** One parsed row and where it came from. */
    public record Row<I>(int line, Map<String, String> cells, I input) {
    }

    /** Rewrites a row's cells before conversion, for example a reference by code into an id, reporting what fails. */
    @FunctionalInterface
    public interface Resolver {
        void resolve(Map<String, String> cells, BiConsumer<String, String> error);
    }

    /** Parses every row; rows that fail are recorded with their line and column and left out of the result. */
    public List<Row<I>> read(String body, Resolver resolver) {
        List<Row<I>> rows = new ArrayList<>();
        for (Cells record : parse(body)) {
            int before = errors.size();
            resolver.resolve(record.cells(), (column, message) -> errors.add(new Problem.FieldError(column, message,
                    record.line())));
            I input = errors.size() == before ? convert(record.cells(), record.line()) : null;
            if (input != null && errors.size() == before) {
                rows.add(new Row<>(record.line(), record.cells(), input));
            }
        }
        return rows;
    }

    private record Cells(int line, Map<String, String> cells) {
    }

    /**
     * The rows' cells by column. Only the CSV reading sits in the try: commons-csv reports a malformed body with
     * these exceptions, and nothing else that can throw them runs here.
     */
    private List<Cells> parse(String body) {
        List<Cells> records = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();
        try (CSVParser parser = format.parse(new StringReader(body == null ? "" : stripBom(body)))) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw reject("The CSV has no header row", List.of());
            }
            // A file downloaded in Chinese imports back: its headers and values are read as the names they label.
            boolean chinese = header.stream().anyMatch(column -> !Labels.CHINESE.name(column).equals(column));
            List<String> names = header.stream().map(Labels.CHINESE::name).toList();
            List<Problem.FieldError> headerErrors = new ArrayList<>();
            for (String column : names) {
                if (!columns.contains(column) && !SERVER_MANAGED.contains(column)) {
                    headerErrors.add(new Problem.FieldError(column, "is not a known column; columns are "
                            + String.join(", ", columns), 1));
                }
            }
            if (!headerErrors.isEmpty()) {
                throw reject("The CSV header has unknown columns", headerErrors);
            }
            long lastLine = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                // The line the record starts on, also when quoted cells hold line breaks.
                int line = (int) lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (!record.isConsistent()) {
                    errors.add(new Problem.FieldError("row", "has " + record.size() + " cells but the header has "
                            + header.size(), line));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String column = names.get(i);
                    if (!SERVER_MANAGED.contains(column)) {
                        String value = FormulaGuard.unguarded(record.get(i));
                        cells.put(column, chinese ? Labels.CHINESE.constant(value) : value);
                    }
                }
                records.add(new Cells(line, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw reject("The body is not readable CSV: " + e.getMessage(), List.of());
        }
        return records;
    }

    public void error(int line, String column, String message) {
        errors.add(new Problem.FieldError(column, message, line));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Throws the import problem if any row failed. */
    public void requireNoErrors() {
        if (!errors.isEmpty()) {
            List<Problem.FieldError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(Problem.FieldError::line).thenComparing(Problem.FieldError::field));
            long lines = sorted.stream().map(Problem.FieldError::line).distinct().count();
            throw reject(lines + " row(s) are invalid; nothing was imported", sorted);
        }
    }

    private I convert(Map<String, String> cells, int line) {
        ObjectNode node = json.createObjectNode();
        cells.forEach((column, value) -> {
            if (value == null || value.isEmpty()) {
                node.putNull(column);
            } else if (listColumns.contains(column)) {
                ArrayNode list = node.putArray(column);
                for (String item : value.split(";")) {
                    if (!item.isBlank()) {
                        list.add(FormulaGuard.unguarded(item.trim()));
                    }
                }
            } else {
                node.put(column, value);
            }
        });
        I input;
        try {
            input = json.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String column = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "row"
                    : e.getPath().get(0).getFieldName();
            errors.add(new Problem.FieldError(column, "has a value that cannot be read: '" + cells.get(column) + "'", line));
            return null;
        } catch (IOException e) {
            errors.add(new Problem.FieldError("row", "cannot be read", line));
            return null;
        }
        boolean valid = true;
        for (ConstraintViolation<I> violation : validator.validate(input)) {
            String path = violation.getPropertyPath().toString();
            int cut = path.indexOf('[');
            errors.add(new Problem.FieldError(cut > 0 ? path.substring(0, cut) : path, violation.getMessage(), line));
            valid = false;
        }
        return valid ? input : null;
    }

    private static String stripBom(String body) {
        return body.startsWith("\uFEFF") ? body.substring(1) : body;
    }

    private static ApiProblem reject(String detail, List<Problem.FieldError> errors) {
        return new ApiProblem(ProblemType.IMPORT_REJECTED, detail, errors.isEmpty() ? null : errors);
    }

    public static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The answer to a successful import or dry run. */
    public record Result(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "True when nothing was written")
            boolean dryRun,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Rows that were (or would be) written", example = "12")
            int rows,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Ids of the new rows, in file order; empty for a dry run")
            List<UUID> ids) {
    }
}
