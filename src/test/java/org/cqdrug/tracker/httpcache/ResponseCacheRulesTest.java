package org.cqdrug.tracker.httpcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.UNIT)
/** The cache's own rules, without HTTP: its bounds, and how requests for one answer share its computation. */
class ResponseCacheRulesTest {

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
        assertNull(now(cache.lookup("too-long", 1, false, cache.arrival())).kept());
        assertNotNull(now(cache.lookup("fits", 1, false, cache.arrival())).kept());
        assertEquals(1, cache.usage().entries());
    }

    /**
     * Requests asking for a fresh answer that arrive while one is being computed get the next computation, begun
     * after they arrived: the first of them begins it, the others share it. A request content with a kept answer
     * shares the one under way.
     */
    @Test
    void freshRequestsShareOneComputationBegunAfterTheyArrived() {
        ResponseCache cache = cache(100, 1_000_000, 100_000);
        ResponseCache.Computation first = now(cache.lookup("k", 1, true, cache.arrival())).ticket();
        assertNotNull(first);

        CompletableFuture<ResponseCache.Lookup> freshA = cache.lookup("k", 1, true, cache.arrival()).toCompletableFuture();
        CompletableFuture<ResponseCache.Lookup> freshB = cache.lookup("k", 1, true, cache.arrival()).toCompletableFuture();
        CompletableFuture<ResponseCache.Lookup> content = cache.lookup("k", 1, false, cache.arrival()).toCompletableFuture();
        assertFalse(freshA.isDone() || freshB.isDone() || content.isDone(), "they wait for the one under way");

        ResponseCache.Answer older = answer(10);
        cache.computed("k", first, older);
        assertSame(older, now(content).kept(), "a request content with a kept answer shares the one under way");
        // one of the fresh ones now computes, the other waits for it: never the answer begun before they arrived
        assertTrue(freshA.isDone() != freshB.isDone(), "one computes, the other shares its computation");
        CompletableFuture<ResponseCache.Lookup> computing = freshA.isDone() ? freshA : freshB;
        CompletableFuture<ResponseCache.Lookup> sharing = freshA.isDone() ? freshB : freshA;
        ResponseCache.Lookup mine = now(computing);
        assertNull(mine.kept());
        assertNotNull(mine.ticket());
        assertTrue(mine.ticket().began() > first.began());

        ResponseCache.Answer newer = answer(20);
        cache.computed("k", mine.ticket(), newer);
        assertSame(newer, now(sharing).kept());
        assertSame(newer, now(cache.lookup("k", 1, false, cache.arrival())).kept(), "and it is kept");
    }

    /**
     * A fresh request that arrived before a computation began shares it; one that arrived after it began computes its
     * own once it is done, even if nothing else asked meanwhile.
     */
    @Test
    void aFreshRequestSharesOnlyAComputationBegunAfterItArrived() {
        ResponseCache cache = cache(100, 1_000_000, 100_000);
        long early = cache.arrival();
        ResponseCache.Computation under = now(cache.lookup("k", 1, true, cache.arrival())).ticket();
        CompletableFuture<ResponseCache.Lookup> before = cache.lookup("k", 1, true, early).toCompletableFuture();
        CompletableFuture<ResponseCache.Lookup> after = cache.lookup("k", 1, true, cache.arrival()).toCompletableFuture();
        ResponseCache.Answer answer = answer(10);
        cache.computed("k", under, answer);
        assertSame(answer, now(before).kept());
        ResponseCache.Lookup own = now(after);
        assertNull(own.kept());
        assertNotNull(own.ticket());
    }

    /** When the shared computation keeps nothing (an error, a streamed answer), each waiter computes its own. */
    @Test
    void waitersComputeTheirOwnWhenTheSharedComputationKeptNothing() {
        ResponseCache cache = cache(100, 1_000_000, 100_000);
        ResponseCache.Computation under = now(cache.lookup("k", 1, false, cache.arrival())).ticket();
        CompletableFuture<ResponseCache.Lookup> waiting = cache.lookup("k", 1, false, cache.arrival()).toCompletableFuture();
        cache.computed("k", under, null);
        ResponseCache.Lookup own = now(waiting);
        assertNull(own.kept());
        assertNull(own.ticket());
    }

    private static ResponseCache.Lookup now(CompletionStage<ResponseCache.Lookup> lookup) {
        CompletableFuture<ResponseCache.Lookup> future = lookup.toCompletableFuture();
        assertTrue(future.isDone(), "answered without waiting");
        return future.join();
    }
}
