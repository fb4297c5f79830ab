package org.cqdrug.tracker.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The API's HTTP rules. */
@ConfigMapping(prefix = "tracker.http")
public interface WebConfig {

    /**
     * The largest request body an API endpoint takes, in bytes, unless it sets its own limit (OwnBodyLimit); a larger
     * declared body answers a 413 problem before anything reads it.
     */
    @WithDefault("10485760")
    long maxBodyBytes();
}
