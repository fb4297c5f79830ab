package org.cqdrug.tracker.httpcache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(Lanes.UNIT)
class CompressionTest {

    @Test
    void acceptEncodingIsReadAsRfc9110Says() {
        assertTrue(Compression.acceptsGzip("gzip"));
        assertTrue(Compression.acceptsGzip("br, GZIP;q=0.5, deflate"));
        assertTrue(Compression.acceptsGzip("*"));
        assertTrue(Compression.acceptsGzip("x-gzip"));
        assertFalse(Compression.acceptsGzip(null));
        assertFalse(Compression.acceptsGzip("identity"));
        assertFalse(Compression.acceptsGzip("br, deflate"));
        assertFalse(Compression.acceptsGzip("gzip;q=0"));
        assertFalse(Compression.acceptsGzip("gzip; q=0.000"));
        assertFalse(Compression.acceptsGzip("gzip;q=0, *"), "* stands only for codings not listed");
        assertTrue(Compression.acceptsGzip("br;q=0, *"));
        assertFalse(Compression.acceptsGzip("*;q=0"));
    }

    @Test
    void aLongBodyIsGzippedOnceAndAShortOneIsNot() throws IOException {
        byte[] body = "{\"items\":[]}".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = Compression.worthGzipping(body);
        assertTrue(gzipped.length < body.length / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(body, in.readAllBytes());
        }
        assertNull(Compression.worthGzipping("{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
