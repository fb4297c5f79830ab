package org.cqdrug.tracker.httpcache;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.cqdrug.tracker.common.Digests;
import org.cqdrug.tracker.web.FilterOrder;
import org.cqdrug.tracker.web.TrackerApi;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETag, Cache-Control and 304 for every GET of the API (resources marked {@link NoStore} answer no-store instead, for
 * every method). The weak tag hashes the request (path, query, Accept, Accept-Language) and today's date with the database's change
 * counter, read after the request arrived and before its own queries: data changed after that can only give the next
 * request a new tag, never pin old data under a new one. A matching If-None-Match answers 304 without running the
 * request. A single row answers its own strong tag instead, its version (see Tagged).
 */
public class EntityTags {

    static final String TAG = EntityTags.class.getName() + ".tag";
    static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.ACCEPT_ENCODING;
    static final String COUNTER = EntityTags.class.getName() + ".counter";
    private static final String CACHE_CONTROL = "no-cache";
    private static final String NO_STORE = "no-store";

    private final ChangeCounter changes;
    private final Clock clock;

    public EntityTags(ChangeCounter changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    @TrackerApi
    @ServerRequestFilter(priority = FilterOrder.ENTITY_TAGS, nonBlocking = true)
    public Uni<Response> beforeGet(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(NoStore.class)) {
            request.setProperty(TAG, NO_STORE);
            return Uni.createFrom().nullItem();
        }
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().completionStage(changes.next()).map(counter -> {
            String tag = tag(request, counter);
            request.setProperty(TAG, tag);
            request.setProperty(COUNTER, counter);
            String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
            if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*") && matches(ifNoneMatch, tag)) {
                return notModified(tag);
            }
            return null;
        });
    }

    @TrackerApi
    @ServerResponseFilter(priority = FilterOrder.ENTITY_TAGS_OUT)
    public void afterGet(ContainerRequestContext request, ContainerResponseContext response) {
        Object tag = request.getProperty(TAG);
        if (NO_STORE.equals(tag)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
            return;
        }
        if (tag == null) {
            return;
        }
        if (response.getStatus() == 200) {
            // A single row answers its own strong tag, its version (see Tagged).
            response.getHeaders().putIfAbsent(HttpHeaders.ETAG, List.of(tag));
        }
        if (response.getStatus() == 200 || response.getStatus() == 304) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            // the tag's basis: a shared cache keeps one answer per form (JSON, CSV, Atom), language and encoding
            response.getHeaders().add(HttpHeaders.VARY, VARY);
        }
    }

    static Response notModified(String tag) {
        return Response.notModified().header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    private String tag(ContainerRequestContext request, long counter) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        // Accept-Language picks the words of spreadsheets and feeds when lang is left out
        String language = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        // Today's date is part of the basis: default as-of dates and years, and forecasts, move with it.
        String basis = counter + "|" + LocalDate.now(clock) + '|'
                + request.getUriInfo().getRequestUri().getRawPath() + '?'
                + request.getUriInfo().getRequestUri().getRawQuery() + '|' + (accept == null ? "" : accept) + '|'
                + (language == null ? "" : language);
        byte[] hash = Digests.sha256().digest(basis.getBytes(StandardCharsets.UTF_8));
        return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + '"';
    }

    /** Weak comparison (RFC 9110 §8.8.3.2), as If-None-Match asks; {@code *} matches any tag. */
    static boolean matches(String ifNoneMatch, String tag) {
        String weak = tag.startsWith("W/") ? tag.substring(2) : tag;
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            String weakValue = value.startsWith("W/") ? value.substring(2) : value;
            if (value.equals("*") || weakValue.equals(weak)) {
                return true;
            }
        }
        return false;
    }
}
