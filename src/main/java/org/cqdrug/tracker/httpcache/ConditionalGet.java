package org.cqdrug.tracker.httpcache;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.cqdrug.tracker.common.Digests;

/**
 * ETag, Cache-Control and the response cache for every GET of the API (resources marked {@link NoStore} get no-store
 * instead, for every method). The tag hashes the request (path, query, Accept) and today's date with the database's
 * change counter, taken before the request's own queries: data changed after that can only give the next request a
 * new tag, never pin old data under a new one. A matching If-None-Match answers 304 without running the request; a
 * JSON answer kept under the same tag (see {@link ResponseCache}) is sent again without running it either, and
 * requests for an answer that another request is computing wait for that one instead of computing it again. Only the
 * headers that describe the answer (ETag, Link...) are kept with it.
 *
 * <p>The counter is read for every request, after it arrived (see {@link ChangeCounter}: reads are coalesced), so no
 * kept answer outlives a write by any instance. A request with {@code Cache-Control: no-cache} is computed afresh.
 */
public class ConditionalGet {

    private static final String TAG = ConditionalGet.class.getName() + ".tag";
    private static final String KEY = ConditionalGet.class.getName() + ".key";
    private static final String TICKET = ConditionalGet.class.getName() + ".ticket";
    private static final String IF_NONE_MATCH = ConditionalGet.class.getName() + ".ifNoneMatch";
    /** Headers that describe the answer itself, and so are sent again with it; anything about one exchange is not. */
    private static final Set<String> KEPT_HEADERS = Set.of("etag", "cache-control", "link", "content-disposition",
            "content-language", "vary");
    private static final String CACHE_CONTROL = "no-cache";
    private static final String NO_STORE = "no-store";

    private final ChangeCounter changes;
    private final ResponseCache cache;
    private final ObjectMapper json;
    private final CurrentIdentityAssociation identities;
    private final Clock clock;

    public ConditionalGet(ChangeCounter changes, ResponseCache cache, ObjectMapper json,
            CurrentIdentityAssociation identities, Clock clock) {
        this.changes = changes;
        this.cache = cache;
        this.json = json;
        this.identities = identities;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Response beforeGet(ContainerRequestContext request, ResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(NoStore.class)) {
            request.setProperty(TAG, NO_STORE);
            return null;
        }
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return null;
        }
        boolean revalidate = asksForRevalidation(request);
        long counter = changes.current();
        String tag = tag(request, counter);
        request.setProperty(TAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*") && matches(ifNoneMatch, tag)) {
            return notModified(tag);
        }
        if (revalidate) {
            return null;
        }
        String key = key(request, tag);
        ResponseCache.Lookup lookup = cache.findOrAwait(key, counter);
        ResponseCache.Answer kept = lookup.kept();
        if (kept == null) {
            if (lookup.ticket() != null) {
                // Computed here in full, kept, and handed to the requests waiting for it; the client's own
                // If-None-Match (a row's strong tag) is applied to the result afterwards.
                request.setProperty(KEY, key);
                request.setProperty(TICKET, lookup.ticket());
                if (ifNoneMatch != null) {
                    request.setProperty(IF_NONE_MATCH, ifNoneMatch);
                    request.getHeaders().remove(HttpHeaders.IF_NONE_MATCH);
                }
            }
            return null;
        }
        String keptTag = first(kept.headers(), HttpHeaders.ETAG);
        if (ifNoneMatch != null && keptTag != null && matches(ifNoneMatch, keptTag)) {
            return notModified(keptTag);
        }
        Response.ResponseBuilder answer = Response.ok(kept.body(), kept.mediaType());
        kept.headers().forEach((name, values) -> values.forEach(value -> answer.header(name, value)));
        return answer.build();
    }

    @ServerResponseFilter
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
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<ResponseCache.Answer> ticket =
                (CompletableFuture<ResponseCache.Answer>) request.getProperty(TICKET);
        if (ticket == null) {
            return;
        }
        ResponseCache.Answer answer = null;
        try {
            answer = response.getStatus() == 200 ? kept(response) : null;
        } finally {
            cache.computed((String) request.getProperty(KEY), ticket, answer);
        }
        String ifNoneMatch = (String) request.getProperty(IF_NONE_MATCH);
        String answered = response.getHeaderString(HttpHeaders.ETAG);
        if (answer != null && ifNoneMatch != null && answered != null && matches(ifNoneMatch, answered)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    /** Serializes a JSON answer once and sends those bytes, to be kept; streamed answers (CSV) are not kept. */
    private ResponseCache.Answer kept(ContainerResponseContext response) {
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (entity == null || entity instanceof StreamingOutput || type == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return null;
        }
        byte[] body;
        try {
            body = entity instanceof byte[] bytes ? bytes : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return null; // the writer will fail the same way and report it
        }
        response.setEntity(body, response.getEntityAnnotations(), type);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, List.copyOf(values));
            }
        });
        return new ResponseCache.Answer(body, type.toString(), headers);
    }

    private static boolean asksForRevalidation(ContainerRequestContext request) {
        String cacheControl = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /** The tag, and for a caller with a key its roles: an answer is only sent again to callers allowed the same. */
    private String key(ContainerRequestContext request, String tag) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return tag;
        }
        return tag + new TreeSet<>(identities.getDeferredIdentity().await().indefinitely().getRoles());
    }

    private static Response notModified(String tag) {
        return Response.notModified().header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    private String tag(ContainerRequestContext request, long counter) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        // Today's date is part of the basis: default as-of dates and years, and forecasts, move with it.
        String basis = counter + "|" + LocalDate.now(clock) + '|'
                + request.getUriInfo().getRequestUri().getRawPath() + '?'
                + request.getUriInfo().getRequestUri().getRawQuery() + '|' + (accept == null ? "" : accept);
        byte[] hash = Digests.sha256().digest(basis.getBytes(StandardCharsets.UTF_8));
        return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + '"';
    }

    private static boolean matches(String ifNoneMatch, String tag) {
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
