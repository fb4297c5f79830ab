package org.cqdrug.tracker.source.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Refuses a workbook that would inflate past a bound before any reader opens it: every entry is inflated and
 * counted, not trusted for the size its header claims, so a zip bomb costs at most the bound in time and nothing in
 * memory. Read as the workbook reader reads it (commons-compress, from the central directory).
 */
public final class ZipGuard {

    private ZipGuard() {
    }

    /** @throws InflatesTooFarException past {@code maxInflated} bytes; MalformedFileException when it is no zip */
    public static void check(byte[] bytes, long maxInflated) {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            if (!entries.hasMoreElements()) {
                throw new MalformedFileException("the file is not an xlsx workbook (an empty zip archive)");
            }
            while (entries.hasMoreElements()) {
                try (InputStream entry = zip.getInputStream(entries.nextElement())) {
                    for (int read = entry.read(buffer); read > 0; read = entry.read(buffer)) {
                        total += read;
                        if (total > maxInflated) {
                            throw new InflatesTooFarException(maxInflated);
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedFileException("the file is not a readable xlsx workbook (a zip archive)");
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
