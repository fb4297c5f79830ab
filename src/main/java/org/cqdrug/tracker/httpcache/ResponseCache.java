package org.cqdrug.tracker.httpcache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

    /** A kept answer: its body as sent, its media type and the headers that describe it (ETag, Link...). */
    public record Answer(byte[] body, String mediaType, Map<String, List<String>> headers) {
    }

    /**
     * What a lookup found: a kept answer, or else the caller's ticket to compute it (others asking meanwhile wait for
     * it), which must be handed back through {@link #computed}. Both are null when the cache is off.
     */
    public record Lookup(Answer kept, CompletableFuture<Answer> ticket) {
    }

    /** How long a request waits for the same answer being computed by another before computing it itself. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Lookup OFF = new Lookup(null, null);

    private final boolean enabled;
    private final long maxEntryBytes;
    private final Cache<String, Answer> answers;
    /** Answers being computed now, so that requests for the same one wait for it instead of computing it again. */
    private final Cache<String, CompletableFuture<Answer>> computing = Caffeine.newBuilder()
            .expireAfterWrite(WAIT.multipliedBy(2)).build();
    private final AtomicLong counter = new AtomicLong(Long.MIN_VALUE);

    public ResponseCache(HttpCacheConfig config) {
        long maxBytes = Math.max(1, config.maxBytes().asLongValue());
        long share = Math.max(1, maxBytes / Math.max(1, config.maxEntries()));
        this.enabled = config.enabled();
        this.maxEntryBytes = Math.min(config.maxEntryBytes().asLongValue(), maxBytes);
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> (int) Math.min(Integer.MAX_VALUE, answer.body().length + share))
                .build();
    }

    /**
     * The answer kept under the key; else, when another request is computing it, that answer once it is done; else
     * a ticket to compute it. A request whose wait ends without an answer (it was not kept, or took too long) gets
     * {@code new Lookup(null, null)} and computes its own without keeping it.
     *
     * @param changes the change counter the key was made with
     */
    public Lookup findOrAwait(String key, long changes) {
        if (!enabled) {
            return OFF;
        }
        seen(changes);
        Answer kept = answers.getIfPresent(key);
        if (kept != null) {
            return new Lookup(kept, null);
        }
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> theirs = computing.asMap().putIfAbsent(key, mine);
        if (theirs == null) {
            kept = answers.getIfPresent(key); // kept between the first look and the ticket
            if (kept != null) {
                computed(key, mine, kept);
                return new Lookup(kept, null);
            }
            return new Lookup(null, mine);
        }
        try {
            return new Lookup(theirs.get(WAIT.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OFF;
        } catch (ExecutionException | TimeoutException e) {
            return OFF;
        }
    }

    /** Hands back a ticket from {@link #findOrAwait}: keeps the answer, if any, and gives it to the waiters. */
    public void computed(String key, CompletableFuture<Answer> ticket, Answer answer) {
        if (answer != null) {
            keep(key, answer);
        }
        computing.asMap().remove(key, ticket);
        ticket.complete(answer);
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
        long bytes = answers.asMap().values().stream().mapToLong(answer -> answer.body().length).sum();
        return new Usage(answers.estimatedSize(), bytes);
    }

    public record Usage(long entries, long bytes) {
    }
}
