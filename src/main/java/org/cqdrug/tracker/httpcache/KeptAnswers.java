package org.cqdrug.tracker.httpcache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.cqdrug.tracker.web.FilterOrder;
import org.cqdrug.tracker.web.TrackerApi;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers to GETs kept in memory under their tag (see {@link EntityTags} and {@link ResponseCache}): a JSON answer
 * kept under the same tag is sent again without running the request, and requests for an answer that another request
 * is computing wait for that one instead of computing it again. Only the headers that describe the answer (ETag,
 * Link...) are kept with it, and a body worth it also gzipped once, for clients that accept gzip. A request with
 * {@code Cache-Control: no-cache} gets an answer computed after it arrived, shared with every such request that
 * arrived before that computation began. A kept answer is found and sent on the event loop, without a worker thread.
 */
public class KeptAnswers {

    private static final String KEY = KeptAnswers.class.getName() + ".key";
    private static final String TICKET = KeptAnswers.class.getName() + ".ticket";
    private static final String IF_NONE_MATCH = KeptAnswers.class.getName() + ".ifNoneMatch";
    /** Headers that describe the answer itself, and so are sent again with it; anything about one exchange is not. */
    private static final Set<String> KEPT_HEADERS = Set.of("etag", "cache-control", "link", "content-disposition",
            "content-language", "vary");

    private final ResponseCache cache;
    private final ObjectMapper json;
    private final CurrentIdentityAssociation identities;

    public KeptAnswers(ResponseCache cache, ObjectMapper json, CurrentIdentityAssociation identities) {
        this.cache = cache;
        this.json = json;
        this.identities = identities;
    }

    @TrackerApi
    @ServerRequestFilter(priority = FilterOrder.KEPT_ANSWERS, nonBlocking = true)
    public Uni<Response> beforeGet(ContainerRequestContext request, RoutingContext exchange) {
        if (!(request.getProperty(EntityTags.COUNTER) instanceof Long counter)) {
            return Uni.createFrom().nullItem();
        }
        long arrived = cache.arrival();
        boolean fresh = asksForRevalidation(request);
        String tag = (String) request.getProperty(EntityTags.TAG);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        return key(request, tag)
                .chain(key -> Uni.createFrom().completionStage(cache.lookup(key, counter, fresh, arrived))
                        .map(lookup -> answer(request, exchange, key, lookup, ifNoneMatch)));
    }

    private Response answer(ContainerRequestContext request, RoutingContext exchange, String key,
            ResponseCache.Lookup lookup, String ifNoneMatch) {
        ResponseCache.Answer kept = lookup.kept();
        if (kept == null) {
            if (lookup.ticket() != null) {
                // A request that ends without its response filters (its client went away, perhaps while it waited
                // for the ticket) still hands the ticket back, or everyone asking for the same answer would wait for
                // it; after afterGet this does nothing.
                if (exchange.response().closed() || exchange.response().ended()) {
                    cache.computed(key, lookup.ticket(), null);
                    return null;
                }
                exchange.addEndHandler(ended -> cache.computed(key, lookup.ticket(), null));
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
        if (ifNoneMatch != null && keptTag != null && EntityTags.matches(ifNoneMatch, keptTag)) {
            return EntityTags.notModified(keptTag);
        }
        boolean gzip = kept.gzipped() != null && Compression.acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        Response.ResponseBuilder answer = Response.ok(gzip ? kept.gzipped() : kept.body(), kept.mediaType());
        kept.headers().forEach((name, values) -> values.forEach(value -> answer.header(name, value)));
        if (gzip) {
            answer.header(HttpHeaders.CONTENT_ENCODING, Compression.GZIP);
        }
        return answer.build();
    }

    @TrackerApi
    @ServerResponseFilter(priority = FilterOrder.KEPT_ANSWERS_OUT)
    public void afterGet(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(TICKET) instanceof ResponseCache.Computation ticket)) {
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
        if (answer != null && ifNoneMatch != null && answered != null && EntityTags.matches(ifNoneMatch, answered)) {
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
        String tag = response.getHeaderString(HttpHeaders.ETAG);
        // A strong tag names these very bytes (RFC 9110 §8.8.1), so only answers under a weak one are also gzipped.
        byte[] gzipped = tag != null && tag.startsWith("W/") ? Compression.worthGzipping(body) : null;
        return new ResponseCache.Answer(body, type.toString(), headers, gzipped);
    }

    /** The tag, and for a caller with a key its roles: an answer is only sent again to callers allowed the same. */
    private Uni<String> key(ContainerRequestContext request, String tag) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().item(tag);
        }
        return identities.getDeferredIdentity().map(identity -> tag + new TreeSet<>(identity.getRoles()));
    }

    private static boolean asksForRevalidation(ContainerRequestContext request) {
        String cacheControl = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
