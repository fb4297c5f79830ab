package org.cqdrug.tracker.feed;

import java.time.Instant;
import java.util.List;

import org.cqdrug.tracker.common.Language;

/**
 * An Atom 1.0 feed (RFC 4287) as the resources build it; {@link AtomWriter} writes it. Links are absolute, so that
 * a feed reader can follow them wherever it stores the feed.
 */
public record AtomFeed(String id, String title, Instant updated, String self, String next, Language language,
        List<Entry> entries) {

    public static final String MEDIA_TYPE = "application/atom+xml";

    /** The format parameter's value, beside csv and xlsx where a list has them. */
    public static final String FORMAT = "atom";

    /** The service's own address as the client reached it, without a trailing slash: the base of entries' links. */
    public static String base(jakarta.ws.rs.core.UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The request's own address with {@code cursor} set to the next page's, or null on the last page. */
    public static String next(jakarta.ws.rs.core.UriInfo uri, String cursor) {
        return cursor == null ? null : uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
    }

    /** One entry: its id never changes, its link is the record it is about. */
    public record Entry(String id, String title, Instant updated, String author, String link, String summary,
            String category) {
    }
}
