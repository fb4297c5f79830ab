package org.cqdrug.tracker.spreadsheet;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.Problem;

/** Helpers for CSV imports that refer to other rows by a natural key instead of an id. */
public final class ImportReferences {

    private ImportReferences() {
    }

    /** Replaces a non-UUID cell by the id its natural key names, or reports the cell. */
    public static void byCode(Map<String, String> cells, String column, BiConsumer<String, String> error,
            Function<String, Optional<UUID>> lookup, String what, String key) {
        String value = cells.get(column);
        if (value == null || value.isEmpty() || CsvImport.isUuid(value)) {
            return;
        }
        Optional<UUID> id = lookup.apply(value);
        if (id.isPresent()) {
            cells.put(column, id.get().toString());
        } else {
            error.accept(column, "'" + value + "' names no " + what + " by id or " + key);
        }
    }

    /** Records a problem raised by a check as errors of the row. */
    public static void report(CsvImport<?> csv, int line, ApiProblem problem, String defaultColumn) {
        if (problem.errors == null || problem.errors.isEmpty()) {
            csv.error(line, defaultColumn, problem.getMessage());
            return;
        }
        for (Problem.FieldError error : problem.errors) {
            csv.error(line, error.field(), error.message());
        }
    }
}
