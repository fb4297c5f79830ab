package org.cqdrug.tracker.common.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cqdrug.tracker.common.config.TrackerConfig;

/**
 * Answers to GET requests, kept by their ETag basis (the change counter, today's date and the request), so an entry
 * can only be found while the data it was computed from is current; entries under older counters are never found
 * again and age out. Bounded in entries and in bytes: each entry weighs its body plus {@code max-bytes / max-entries},
 * and all together weigh at most {@code max-bytes}, so neither bound can be passed (Caffeine evicts the least
 * likely to be used again).
 */
@ApplicationScoped
public class ResponseCache {

    /** A kept answer: its body as sent, its media type and the headers the resource set (ETag, Link...). */
    public record Answer(byte[] body, String mediaType, Map<String, List<String>> headers) {
    }

    /** How long a request waits for the same answer being computed by another before computing it itself. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final boolean enabled;
    private final long maxEntryBytes;
    private final Cache<String, Answer> answers;
    /** Answers being computed now, so that requests for the same one wait for it instead of computing it again. */
    private final Cache<String, CompletableFuture<Answer>> computing = Caffeine.newBuilder()
            .expireAfterWrite(WAIT.multipliedBy(2)).build();

    @Inject
    public ResponseCache(TrackerConfig tracker) {
        this(tracker.responseCache());
    }

    public ResponseCache(TrackerConfig.ResponseCache config) {
        long maxBytes = config.maxBytes().asLongValue();
        long share = Math.max(1, maxBytes / config.maxEntries());
        this.enabled = config.enabled();
        this.maxEntryBytes = Math.min(config.maxEntryBytes().asLongValue(), maxBytes);
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> (int) Math.min(Integer.MAX_VALUE, answer.body().length + share))
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    public Answer find(String key) {
        return enabled ? answers.getIfPresent(key) : null;
    }

    /**
     * The answer kept under the key; else, when another request is computing it, that answer once it is done (or
     * null if it was not kept, or took too long), and otherwise null, with the caller now the one computing it: it
     * must call {@link #computed} whatever happens.
     */
    public Answer findOrAwait(String key) {
        if (!enabled) {
            return null;
        }
        Answer kept = answers.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> theirs = computing.asMap().putIfAbsent(key, mine);
        if (theirs == null) {
            return null;
        }
        try {
            return theirs.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Ends the computation {@link #findOrAwait} gave the caller: keeps the answer, if any, and hands it to waiters. */
    public void computed(String key, Answer answer) {
        if (answer != null) {
            keep(key, answer);
        }
        CompletableFuture<Answer> flight = computing.asMap().remove(key);
        if (flight != null) {
            flight.complete(answer);
        }
    }

    /** Keeps the answer unless its body is too long to keep. */
    public void keep(String key, Answer answer) {
        if (enabled && answer.body().length <= maxEntryBytes) {
            answers.put(key, answer);
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
