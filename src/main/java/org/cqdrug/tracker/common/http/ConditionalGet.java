package org.cqdrug.tracker.common.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETag and Cache-Control for every GET of the API (resources marked {@link Uncached} get no-store instead, for
 * every method). The tag hashes the request (path, query, Accept) and today's
 * date with the database's change counter, read before the request's own queries: data changed after that read can only give
 * the next request a new tag, never pin old data under a new one. A matching If-None-Match answers 304 without
 * running the request.
 */
public class ConditionalGet {

    private static final String TAG = ConditionalGet.class.getName() + ".tag";
    private static final String CACHE_CONTROL = "no-cache";
    private static final String NO_STORE = "no-store";

    private final ChangeLog changes;
    private final Clock clock;

    public ConditionalGet(ChangeLog changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Response beforeGet(ContainerRequestContext request, ResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(Uncached.class)) {
            request.setProperty(TAG, NO_STORE);
            return null;
        }
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return null;
        }
        String tag = tag(request);
        request.setProperty(TAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return Response.notModified().header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .build();
        }
        return null;
    }

    @ServerResponseFilter
    public void afterGet(ContainerRequestContext request, ContainerResponseContext response) {
        Object tag = request.getProperty(TAG);
        if (NO_STORE.equals(tag)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
            return;
        }
        if (tag != null && response.getStatus() == 200) {
            // A single row answers its own strong tag, its version (see Tagged).
            response.getHeaders().putIfAbsent(HttpHeaders.ETAG, java.util.List.of(tag));
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        }
    }

    private String tag(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        // Today's date is part of the basis: default as-of dates and years, and forecasts, move with it.
        String basis = changes.current() + "|" + LocalDate.now(clock) + '|'
                + request.getUriInfo().getRequestUri().getRawPath() + '?'
                + request.getUriInfo().getRequestUri().getRawQuery() + '|' + (accept == null ? "" : accept);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String tag) {
        String weak = tag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals(tag) || value.equals(weak)) {
                return true;
            }
        }
        return false;
    }
}
