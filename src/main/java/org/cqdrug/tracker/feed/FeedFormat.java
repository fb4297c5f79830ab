package org.cqdrug.tracker.feed;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

/** The two forms of a feed: JSON, the API's own, and Atom for feed readers. */
public enum FeedFormat {
    JSON, ATOM;

    private static final MediaType ATOM_TYPE = MediaType.valueOf(AtomFeed.MEDIA_TYPE);

    /** Reads the {@code format} parameter: json or atom. */
    public static FeedFormat fromString(String value) {
        for (FeedFormat format : values()) {
            if (format.name().toLowerCase(java.util.Locale.ROOT).equals(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not json or atom");
    }

    /**
     * Whether the client asked for Atom: the {@code format} parameter when given, else the first of the Accept
     * header's types that is JSON or Atom (a wildcard is JSON).
     */
    public static boolean atom(FeedFormat parameter, List<MediaType> acceptable) {
        if (parameter != null) {
            return parameter == ATOM;
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(ATOM_TYPE) || accepted.getSubtype().equals("xml")) {
                return true;
            }
        }
        return false;
    }
}
