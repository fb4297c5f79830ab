package org.cqdrug.tracker.spreadsheet;

import java.util.LinkedHashSet;
import java.util.Set;

import org.cqdrug.tracker.spreadsheet.Table;

/** The columns an import reads: those its export writes, less the server-managed ones. */
public final class ImportColumns {

    public static final Set<String> SERVER_MANAGED = Set.of("id", "createdAt", "updatedAt", "version", "sourceDocumentId");

    private ImportColumns() {
    }

    public static Set<String> of(Table<?> table, String... importOnly) {
        Set<String> columns = new LinkedHashSet<>(table.headers());
        columns.removeAll(SERVER_MANAGED);
        columns.addAll(java.util.List.of(importOnly));
        return columns;
    }
}
