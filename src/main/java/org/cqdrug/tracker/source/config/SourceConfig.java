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
}
