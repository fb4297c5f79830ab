package org.cqdrug.tracker.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Message digests the service relies on; every Java runtime has them, so their absence is a broken JVM. */
public final class Digests {

    private Digests() {
    }

    /** A fresh SHA-256 digest (API key hashes, idempotency fingerprints, ETags). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
