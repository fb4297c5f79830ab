package org.cqdrug.tracker.httpcache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** gzip for kept answers: compressed once when kept, sent to clients whose Accept-Encoding takes it. */
final class Compression {

    static final String GZIP = "gzip";
    /** Below about one packet, compression saves no round trip and costs the client a decoder. */
    private static final int SMALLEST = 1400;

    private Compression() {
    }

    /** The body gzipped, or null when it is too short to gain or does not shrink. */
    static byte[] worthGzipping(byte[] body) {
        if (body.length < SMALLEST) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size() < body.length ? out.toByteArray() : null;
    }

    /**
     * Whether an Accept-Encoding header takes gzip (RFC 9110 §12.5.3): gzip (or x-gzip) listed without {@code q=0};
     * else {@code *} without {@code q=0}, which stands only for codings not listed.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean taken = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.startsWith("q=")) {
                    taken = !parameter.substring(2).matches("0(\\.0{0,3})?");
                }
            }
            if (name.equals(GZIP) || name.equals("x-gzip")) {
                gzip = gzip == null ? taken : gzip || taken;
            } else if (name.equals("*")) {
                any = taken;
            }
        }
        return gzip != null ? gzip : Boolean.TRUE.equals(any);
    }
}
