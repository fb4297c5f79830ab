package org.cqdrug.tracker.common.http;

import java.util.List;
import java.util.Map;

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

    private final boolean enabled;
    private final long maxEntryBytes;
    private final Cache<String, Answer> answers;

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
