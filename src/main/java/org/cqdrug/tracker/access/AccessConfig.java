package org.cqdrug.tracker.access;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may read, and the key that lets an operator in on an empty database. */
@ConfigMapping(prefix = "tracker")
public interface AccessConfig {

    /**
     * An API key that is ADMIN without being stored, so that an operator can create the first stored keys on an
     * empty database (environment variable TRACKER_BOOTSTRAP_ADMIN_KEY). Unset, there is none.
     */
    Optional<String> bootstrapAdminKey();

    /** When true, reads require a key with at least the VIEWER role; by default they are public. */
    @WithDefault("false")
    boolean readsRequireKey();
}
