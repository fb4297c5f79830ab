package org.cqdrug.tracker.source.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * A page as a browser saves it, read by jsoup's stream parser: each {@code <tr>} is handed on once it is complete and
 * then removed from the tree, so memory stays flat however long the page. Script is never run: its text is not a
 * cell's. Each {@code <table>} is a table of its own; a row's line is its place among all the page's rows.
 */
public final class HtmlReader implements RowReader {

    private final byte[] bytes;
    private final Charset charset;
    private final String url;

    public HtmlReader(byte[] bytes, Charset charset, String url) {
        this.bytes = bytes;
        this.charset = charset;
        this.url = url;
    }

    @Override
    public void read(Sink sink) throws IOException {
        int bom = Charsets.bomLength(bytes);
        Map<Element, Integer> tables = new IdentityHashMap<>();
        int line = 0;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, bom, bytes.length - bom), charset);
                StreamParser parser = new StreamParser(Parser.htmlParser()).parse(reader, url)) {
            for (Element row = parser.selectNext("tr"); row != null; row = parser.selectNext("tr")) {
                Element table = row.closest("table");
                int index = tables.computeIfAbsent(table, found -> tables.size());
                line++;
                List<String> cells = new ArrayList<>();
                for (Element cell : row.children()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        cells.add(cell.text());
                    }
                }
                row.remove();
                sink.row(index, line, cells);
            }
        }
    }
}
