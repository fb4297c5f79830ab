package org.cqdrug.tracker.httpcache;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Answers to reads kept in memory until the data's change counter moves (see ResponseCache). */
@ConfigMapping(prefix = "tracker.response-cache")
public interface HttpCacheConfig {

    /** False computes every read afresh (ETags and 304s still work). */
    @WithDefault("true")
    boolean enabled();

    /** Most answers kept at once. */
    @WithDefault("5000")
    int maxEntries();

    /** Most bytes of kept answer bodies, all together, such as 8M. */
    @WithDefault("8M")
    MemorySize maxBytes();

    /** Answers with a longer body are never kept, such as 2M. */
    @WithDefault("2M")
    MemorySize maxEntryBytes();
}
