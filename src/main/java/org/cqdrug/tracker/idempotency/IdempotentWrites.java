package org.cqdrug.tracker.idempotency;

import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cqdrug.tracker.database.DatabaseFault;
import org.cqdrug.tracker.database.TransactionConflicts;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A keyed POST in one transaction with its key: the key is taken first (waiting, at most half a second, for a
 * request that holds it to end), then the endpoint writes, then its answer is stored, and all of it commits or
 * none does. A request without a key runs as it is, in the transactions of its services. The transaction is the
 * outermost one, so it is run again after a serialization failure or deadlock, unless the endpoint reads its body
 * as a stream, which cannot be read twice (the client's retry with the same key is then safe).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class IdempotentWrites {

    @Inject
    KeyedRequest request;
    @Inject
    IdempotencyStore store;
    @Inject
    IdempotencyConfig config;
    @Inject
    ObjectMapper json;

    /** A request whose key was answered by another request while this one waited for it. */
    public static final class Replay extends RuntimeException {
        final transient IdempotencyStore.Entry answer;

        Replay(IdempotencyStore.Entry answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    @AroundInvoke
    Object write(InvocationContext call) throws Exception {
        KeyedRequest.Key key = request.key();
        if (key == null) {
            return call.proceed();
        }
        boolean rereadable = Arrays.stream(call.getMethod().getParameterTypes())
                .noneMatch(InputStream.class::isAssignableFrom);
        String what = call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
        Object result = rereadable ? TransactionConflicts.retrying(what, () -> inTransaction(call, key))
                : inTransaction(call, key);
        request.settle(); // only once committed: a refusal after a failed commit is still stored on the way out
        return result;
    }

    private Object inTransaction(InvocationContext call, KeyedRequest.Key key) {
        return QuarkusTransaction.requiringNew().timeout((int) config.transactionTimeout().toSeconds()).call(() -> {
            if (!take(key)) {
                Optional<Optional<IdempotencyStore.Entry>> earlier = store.find(key.principal(), key.key());
                request.settle();
                if (earlier.isPresent() && earlier.get().isPresent()) {
                    if (!earlier.get().get().fingerprint().equals(key.fingerprint())) {
                        throw Idempotency.reused();
                    }
                    throw new Replay(earlier.get().get());
                }
                throw Idempotency.inProgress();
            }
            Object result = call.proceed();
            answer(key, result);
            return result;
        });
    }

    private boolean take(KeyedRequest.Key key) {
        try {
            return store.take(key);
        } catch (PersistenceException e) {
            if (DatabaseFault.find(e).filter(DatabaseFault.LOCK_TIMEOUT::equals).isPresent()) {
                request.settle();
                throw Idempotency.inProgress();
            }
            throw e;
        }
    }

    private void answer(KeyedRequest.Key key, Object result) throws Exception {
        int status;
        Object entity;
        MediaType type;
        URI location;
        if (result instanceof Response response) {
            status = response.getStatus();
            entity = response.getEntity();
            type = response.getMediaType();
            location = response.getLocation();
        } else if (result instanceof RestResponse<?> response) {
            status = response.getStatus();
            entity = response.getEntity();
            type = response.getMediaType();
            location = response.getLocation();
        } else {
            status = result == null ? 204 : 200;
            entity = result;
            type = null;
            location = null;
        }
        String body = entity == null ? null : json.writeValueAsString(entity);
        String contentType = entity == null ? null : type == null ? MediaType.APPLICATION_JSON : type.toString();
        store.answer(key, status, contentType, body, location == null ? null : location.toString());
    }
}
