package org.cqdrug.tracker.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.cqdrug.tracker.common.Digests;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.cqdrug.tracker.web.FilterOrder;
import org.cqdrug.tracker.web.TrackerApi;

/**
 * Idempotent creation: a POST sent with an {@code Idempotency-Key} header and retried with the same body gets the
 * first answer again (status, body, Location) and writes nothing new. The key is the client's, per key holder; the
 * same key with another body or on another endpoint is refused (422); a retry that arrives while the first request
 * is still being handled waits for its answer, briefly, and is otherwise told to retry (409). Keys are kept 24 hours
 * in PostgreSQL, so a retry that lands on another instance behaves the same. An answer of 5xx is not kept: the retry
 * is then handled afresh.
 */
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = Idempotency.class.getName() + ".claim";
    private static final int MAX_KEY_LENGTH = 255;
    private static final long WAIT_MILLIS = 5_000;
    private static final long POLL_MILLIS = 50;

    private final IdempotencyStore store;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;

    public Idempotency(IdempotencyStore store, CurrentIdentityAssociation identities, ObjectMapper json) {
        this.store = store;
        this.identities = identities;
        this.json = json;
    }

    private record Claim(String principal, String key, String token) {
    }

    @TrackerApi
    @ServerRequestFilter(priority = FilterOrder.IDEMPOTENCY)
    public Response beforePost(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
            return null;
        }
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(NotReplayed.class)) {
            // Such answers (a new API key's secret) must not be stored; the header is ignored there.
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiProblem.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters, such as a UUID");
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = fingerprint(request, body);
        SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
        String principal = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            String token = java.util.UUID.randomUUID().toString();
            if (store.claim(principal, key, fingerprint, token)) {
                request.setProperty(CLAIM, new Claim(principal, key, token));
                return null;
            }
            Optional<IdempotencyStore.Entry> entry = store.find(principal, key);
            if (entry.isEmpty()) {
                continue; // released by a failed first attempt in between: claim it again
            }
            if (!entry.get().fingerprint().equals(fingerprint)) {
                throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED, "This " + HEADER + " was used for another"
                        + " request (another body or endpoint); use a new key for a new request", null);
            }
            if (entry.get().status() != null) {
                return replay(entry.get());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ApiProblem(ProblemType.IDEMPOTENCY_IN_PROGRESS, "A request with this " + HEADER
                        + " is still being handled; retry in a moment", null, 1L);
            }
            sleep();
        }
    }

    @TrackerApi
    @ServerResponseFilter(priority = FilterOrder.IDEMPOTENCY_OUT)
    public void afterPost(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(claim.principal(), claim.key(), claim.token());
            return;
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        try {
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
            store.answer(claim.principal(), claim.key(), claim.token(), response.getStatus(), contentType, body,
                    location);
        } catch (JsonProcessingException e) {
            store.release(claim.principal(), claim.key(), claim.token());
            throw new UncheckedIOException(e);
        }
    }

    private static Response replay(IdempotencyStore.Entry answer) {
        Response.ResponseBuilder replayed = Response.status(answer.status()).header("Idempotent-Replayed", "true");
        if (answer.body() != null) {
            replayed.entity(answer.body()).type(answer.contentType());
        }
        if (answer.location() != null) {
            replayed.header(HttpHeaders.LOCATION, answer.location());
        }
        return replayed.build();
    }

    private static String fingerprint(ContainerRequestContext request, byte[] body) {
        MessageDigest digest = Digests.sha256();
        digest.update(request.getUriInfo().getRequestUri().getRawPath().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '?');
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        digest.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(body);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
