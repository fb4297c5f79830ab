package org.cqdrug.tracker.httpcache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Answers to GET requests, kept by their ETag basis (the change counter, today's date and the request), so an entry
 * can only be found while the data it was computed from is current. When a request brings a higher counter, every
 * kept answer is dropped, since none can be found again. Bounded in entries and in bytes: each entry weighs its body
 * plus {@code max-bytes / max-entries}, and all together weigh at most {@code max-bytes} (Caffeine evicts the least
 * likely to be used again as soon as an insert passes that).
 */
@ApplicationScoped
public class ResponseCache {

    /**
     * A kept answer: its body as sent, its media type, the headers that describe it (ETag, Link...) and, for a body
     * worth compressing under a weak tag, the body compressed once with gzip, else null.
     */
    public record Answer(byte[] body, String mediaType, Map<String, List<String>> headers, byte[] gzipped) {

        public Answer(byte[] body, String mediaType, Map<String, List<String>> headers) {
            this(body, mediaType, headers, null);
        }

        long weight() {
            return body.length + (gzipped == null ? 0 : gzipped.length);
        }
    }

    /**
     * What a lookup found: a kept answer, or else the caller's ticket to compute it (others asking meanwhile wait for
     * it), which must be handed back through {@link #computed}. Both are null when the cache is off, or when a wait
     * ended without an answer (it was not kept, or took too long): the caller then computes its own without keeping it.
     */
    public record Lookup(Answer kept, Computation ticket) {
    }

    /** An answer being computed, begun at {@code began} on this cache's clock of arrivals ({@link #arrival}). */
    public record Computation(long began, CompletableFuture<Answer> answer) {
    }

    /** How long a request waits for the same answer being computed by another before computing it itself. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Lookup OFF = new Lookup(null, null);

    private final boolean enabled;
    private final long maxEntryBytes;
    private final Cache<String, Answer> answers;
    /** Answers being computed now, so that requests for the same one wait for it instead of computing it again. */
    private final Cache<String, Computation> computing = Caffeine.newBuilder()
            .expireAfterWrite(WAIT.multipliedBy(2)).build();
    private final AtomicLong counter = new AtomicLong(Long.MIN_VALUE);
    /** Orders arrivals and the beginnings of computations, so that "begun after it arrived" can be told. */
    private final AtomicLong clock = new AtomicLong();

    public ResponseCache(HttpCacheConfig config) {
        long maxBytes = Math.max(1, config.maxBytes().asLongValue());
        long share = Math.max(1, maxBytes / Math.max(1, config.maxEntries()));
        this.enabled = config.enabled();
        this.maxEntryBytes = Math.min(config.maxEntryBytes().asLongValue(), maxBytes);
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> (int) Math.min(Integer.MAX_VALUE, answer.weight() + share))
                .build();
    }

    /** A request's place among arrivals and computations; take it when the request arrives. */
    public long arrival() {
        return clock.incrementAndGet();
    }

    /**
     * The answer kept under the key; else, when another request is computing it, that answer once it is done; else
     * a ticket to compute it. A request that asked for a fresh answer ({@code Cache-Control: no-cache}) skips kept
     * answers and joins only a computation begun after it arrived: one begun before, it waits out and then joins or
     * begins the next, so that any number of such requests arriving together cost at most two computations in a row.
     * Nothing here blocks: the stage completes when the answer or the ticket is there.
     *
     * @param changes the change counter the key was made with
     * @param fresh   whether the request asked for an answer computed after it arrived
     * @param arrived the request's {@link #arrival}
     */
    public CompletionStage<Lookup> lookup(String key, long changes, boolean fresh, long arrived) {
        if (!enabled) {
            return CompletableFuture.completedFuture(OFF);
        }
        seen(changes);
        return lookup(key, fresh, arrived, System.nanoTime() + WAIT.toNanos());
    }

    private CompletionStage<Lookup> lookup(String key, boolean fresh, long arrived, long deadline) {
        Answer kept = fresh ? null : answers.getIfPresent(key);
        if (kept != null) {
            return CompletableFuture.completedFuture(new Lookup(kept, null));
        }
        Computation mine = new Computation(clock.incrementAndGet(), new CompletableFuture<>());
        Computation theirs = computing.asMap().putIfAbsent(key, mine);
        if (theirs == null) {
            kept = fresh ? null : answers.getIfPresent(key); // kept between the first look and the ticket
            if (kept != null) {
                // nothing is computed after all: whoever joined meanwhile, a fresh request among them, computes its own
                computed(key, mine, null);
                return CompletableFuture.completedFuture(new Lookup(kept, null));
            }
            return CompletableFuture.completedFuture(new Lookup(null, mine));
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return CompletableFuture.completedFuture(OFF);
        }
        CompletableFuture<Answer> done = theirs.answer().copy().orTimeout(left, TimeUnit.NANOSECONDS);
        if (fresh && theirs.began() < arrived) {
            // begun before this request arrived, so too old for it: once it ends, join or begin the next
            return done.handle((answer, failure) -> failure instanceof TimeoutException)
                    .thenCompose(late -> late ? CompletableFuture.completedFuture(OFF)
                            : lookup(key, true, arrived, deadline));
        }
        return done.handle((answer, failure) -> answer == null ? OFF : new Lookup(answer, null));
    }

    /** Hands back a ticket from {@link #lookup}: keeps the answer, if any, and gives it to the waiters. */
    public void computed(String key, Computation ticket, Answer answer) {
        if (answer != null) {
            keep(key, answer);
        }
        computing.asMap().remove(key, ticket);
        ticket.answer().complete(answer);
    }

    /** Keeps the answer unless its body is too long to keep. */
    public void keep(String key, Answer answer) {
        if (enabled && answer.body().length <= maxEntryBytes) {
            answers.put(key, answer);
        }
    }

    /** A higher counter than any seen before makes every kept answer unreachable: they are dropped at once. */
    private void seen(long changes) {
        long before = counter.getAndAccumulate(changes, Math::max);
        if (changes > before && before != Long.MIN_VALUE) {
            answers.invalidateAll();
        }
    }

    /** How many answers and body bytes are kept now, after pending evictions. */
    public Usage usage() {
        answers.cleanUp();
        long bytes = answers.asMap().values().stream().mapToLong(Answer::weight).sum();
        return new Usage(answers.estimatedSize(), bytes);
    }

    public record Usage(long entries, long bytes) {
    }
}
