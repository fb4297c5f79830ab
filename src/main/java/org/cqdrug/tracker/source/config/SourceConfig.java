package org.cqdrug.tracker.source.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Source documents (saved official lists). */
@ConfigMapping(prefix = "tracker.sources")
public interface SourceConfig {

    /** The largest file accepted, in bytes; a larger one answers 413. The HTTP layer's own limit must be above it. */
    @WithDefault("16777216")
    long maxBytes();

    /** How far an xlsx workbook (a zip archive) may inflate, in bytes; past it the upload answers 413. */
    @WithDefault("134217728")
    long maxInflatedBytes();

    /**
     * Seconds an upload, a proposal or an apply may take, each one transaction (read by the transaction manager
     * from {@code tracker.sources.transaction-timeout}; declared here so the setting is one of this mapping's).
     */
    int transactionTimeout();
}
