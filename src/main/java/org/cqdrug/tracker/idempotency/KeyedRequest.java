package org.cqdrug.tracker.idempotency;

import jakarta.enterprise.context.RequestScoped;

/**
 * The Idempotency-Key of the request being handled, as {@link Idempotency}'s filter found it and
 * {@link IdempotentWrites} settles it: {@code settled} once its answer is stored (with the write), replayed, or
 * refused for the key itself, so that the way out stores nothing more.
 */
@RequestScoped
public class KeyedRequest {

    record Key(String principal, String key, String fingerprint) {
    }

    private Key key;
    private boolean settled;

    Key key() {
        return key;
    }

    void key(Key key) {
        this.key = key;
    }

    boolean settled() {
        return settled;
    }

    void settle() {
        settled = true;
    }
}
