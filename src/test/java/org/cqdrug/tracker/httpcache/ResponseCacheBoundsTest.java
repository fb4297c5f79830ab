package org.cqdrug.tracker.httpcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.UNIT)
class ResponseCacheBoundsTest {

    private static ResponseCache cache(int maxEntries, long maxBytes, long maxEntryBytes) {
        return new ResponseCache(new HttpCacheConfig() {
            public boolean enabled() {
                return true;
            }

            public int maxEntries() {
                return maxEntries;
            }

            public MemorySize maxBytes() {
                return new MemorySize(java.math.BigInteger.valueOf(maxBytes));
            }

            public MemorySize maxEntryBytes() {
                return new MemorySize(java.math.BigInteger.valueOf(maxEntryBytes));
            }
        });
    }

    private static ResponseCache.Answer answer(int bytes) {
        return new ResponseCache.Answer(new byte[bytes], "application/json", Map.of("ETag", List.of("W/\"x\"")));
    }

    @Test
    void manySmallAnswersStayWithinTheEntryBound() {
        ResponseCache cache = cache(50, 1_000_000, 10_000);
        for (int i = 0; i < 5_000; i++) {
            cache.keep("small-" + i, answer(10));
        }
        ResponseCache.Usage usage = cache.usage();
        assertTrue(usage.entries() <= 50, usage::toString);
        assertTrue(usage.entries() > 0, usage::toString);
    }

    @Test
    void largeAnswersStayWithinTheByteBound() {
        ResponseCache cache = cache(1_000, 100_000, 20_000);
        for (int i = 0; i < 500; i++) {
            cache.keep("large-" + i, answer(15_000));
        }
        ResponseCache.Usage usage = cache.usage();
        assertTrue(usage.bytes() <= 100_000, usage::toString);
        assertTrue(usage.entries() > 0, usage::toString);
    }

    @Test
    void anAnswerLongerThanTheEntryLimitIsNeverKept() {
        ResponseCache cache = cache(100, 1_000_000, 1_000);
        cache.keep("too-long", answer(1_001));
        cache.keep("fits", answer(1_000));
        assertNull(cache.findOrAwait("too-long", 1).kept());
        assertNotNull(cache.findOrAwait("fits", 1).kept());
        assertEquals(1, cache.usage().entries());
    }
}
