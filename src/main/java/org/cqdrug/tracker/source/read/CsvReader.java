package org.cqdrug.tracker.source.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV export, in the charset it was written in (Charsets.ofText). */
public final class CsvReader implements RowReader {

    private final byte[] bytes;
    private final Charset charset;

    public CsvReader(byte[] bytes, Charset charset) {
        this.bytes = bytes;
        this.charset = charset;
    }

    @Override
    public void read(Sink sink) throws IOException {
        int bom = Charsets.bomLength(bytes);
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, bom, bytes.length - bom), charset);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                sink.row(0, (int) record.getRecordNumber(), cells);
            }
        } catch (UncheckedIOException e) {
            // commons-csv reports a malformed file (an unclosed quote) this way while iterating.
            throw new MalformedFileException("the CSV is malformed: " + e.getCause().getMessage());
        }
    }
}
