package org.cqdrug.tracker.common.vocabulary;

/**
 * The one definition of a source's address: an http or https URL without spaces, at most 2,000 characters. Anything
 * else (a javascript: or data: URL, a bare host) would be a link that cannot be followed, or one that runs code.
 */
public final class WebAddresses {

    /** Written without inline flags, so that the contract's JSON Schema reads it as the validator does. */
    public static final String PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://\\S+$";

    public static final String MESSAGE = "must be an http:// or https:// address without spaces";

    public static final int MAX_LENGTH = 2000;

    private WebAddresses() {
    }
}
