package org.cqdrug.tracker.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.cqdrug.tracker.web.FilterOrder;
import org.cqdrug.tracker.web.TrackerApi;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Idempotent creation: a POST sent with an {@code Idempotency-Key} header and retried with the same body gets the
 * first answer again (status, body, Location) and writes nothing new. The key is the client's, per key holder; the
 * same key with another body or on another endpoint is refused (422); a retry that arrives while the first request
 * is still being handled waits for it (at most the database's {@code lock_timeout}) and is otherwise told to retry
 * (409). The answer is stored in the transaction of the write ({@link IdempotentWrites}), so a crash leaves both or
 * neither; keys are kept 24 hours in PostgreSQL, so a retry that lands on another instance behaves the same. A
 * refusal (4xx) is kept too; an answer of 5xx is not: the retry is then handled afresh.
 */
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final KeyedRequest keyed;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;

    public Idempotency(IdempotencyStore store, KeyedRequest keyed, CurrentIdentityAssociation identities,
            ObjectMapper json) {
        this.store = store;
        this.keyed = keyed;
        this.identities = identities;
        this.json = json;
    }

    static ApiProblem reused() {
        return new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED, "This " + HEADER + " was used for another request"
                + " (another body or endpoint); use a new key for a new request", null);
    }

    static ApiProblem inProgress() {
        return new ApiProblem(ProblemType.IDEMPOTENCY_IN_PROGRESS, "A request with this " + HEADER
                + " is still being handled; retry in a moment", null, 1L);
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
        SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
        String principal = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        KeyedRequest.Key claim = new KeyedRequest.Key(principal, key, fingerprint(request, body));
        // Answered already: replayed without running the endpoint, whose checks (a code in use) would now refuse it.
        Optional<Optional<IdempotencyStore.Entry>> earlier = store.find(principal, key);
        if (earlier.isPresent()) {
            if (earlier.get().isEmpty()) {
                throw inProgress();
            }
            if (!earlier.get().get().fingerprint().equals(claim.fingerprint())) {
                throw reused();
            }
            return replay(earlier.get().get());
        }
        keyed.key(claim);
        return null;
    }

    /** A refusal that rolled the write back, or came before it, is stored on the way out, for the retry to get. */
    @TrackerApi
    @ServerResponseFilter(priority = FilterOrder.IDEMPOTENCY_OUT)
    public void afterPost(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        KeyedRequest.Key claim = keyed.key();
        if (claim == null || keyed.settled() || response.getStatus() < 400 || response.getStatus() >= 500) {
            return;
        }
        String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        try {
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
            store.refusal(claim, response.getStatus(), contentType, body);
        } catch (JsonProcessingException | RuntimeException e) {
            // The refusal is answered all the same; a retry is then judged afresh, which is as safe.
            LOG.warnf(e, "The refusal of %s could not be stored for its %s", request.getUriInfo().getPath(), HEADER);
        }
    }

    @ServerExceptionMapper
    public Response replayed(IdempotentWrites.Replay replay) {
        return replay(replay.answer);
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
}
