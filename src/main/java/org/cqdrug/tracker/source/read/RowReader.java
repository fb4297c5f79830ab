package org.cqdrug.tracker.source.read;

import java.io.IOException;
import java.util.List;

/** The rows of a saved file in order, streamed: nothing but the current row is held. */
public interface RowReader {

    /**
     * Hands each row to the sink: the table it belongs to (an HTML table, numbered from 0 in the order they start;
     * 0 for CSV and xlsx), its line, unique in the file (the CSV record, the worksheet row, or the row's place among
     * the page's rows, from 1), and its cells as text (dates in worksheets as ISO dates).
     */
    void read(Sink sink) throws IOException;

    @FunctionalInterface
    interface Sink {
        void row(int table, int line, List<String> cells);
    }
}
