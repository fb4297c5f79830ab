package org.cqdrug.tracker.spreadsheet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a download holds and how it says so: its file name (the resource, its filters, the as-of date), its worksheet's
 * name, its words, and the lines of a workbook's About sheet (the query, the as-of date, the export time, the
 * evidence counted).
 */
public record ExportFile(String name, String sheet, Labels labels, List<String[]> about) {

    /** Content-Disposition naming the file, in ASCII for old clients and in UTF-8 (RFC 6266) for the rest. */
    public String disposition(String extension) {
        String file = name + "." + extension;
        String ascii = file.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
