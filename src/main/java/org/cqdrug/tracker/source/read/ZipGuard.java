package org.cqdrug.tracker.source.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses a workbook that would inflate past a bound before any reader opens it: the entries are inflated and
 * counted, not trusted for the sizes their headers claim, so a zip bomb costs at most the bound in time and nothing
 * in memory.
 */
public final class ZipGuard {

    private ZipGuard() {
    }

    /** @throws InflatesTooFarException past {@code maxInflated} bytes; MalformedFileException when it is no zip */
    public static void check(byte[] bytes, long maxInflated) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    total += read;
                    if (total > maxInflated) {
                        throw new InflatesTooFarException(maxInflated);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedFileException("the file is not a readable xlsx workbook (a zip archive)");
        }
        if (entries == 0) {
            throw new MalformedFileException("the file is not an xlsx workbook (a zip archive)");
        }
    }

    /** The workbook inflates past the bound: too large, as a body past the upload limit is. */
    public static class InflatesTooFarException extends RuntimeException {

        public final long limit;

        InflatesTooFarException(long limit) {
            super("the workbook inflates past " + limit + " bytes", null, false, false);
            this.limit = limit;
        }
    }
}
