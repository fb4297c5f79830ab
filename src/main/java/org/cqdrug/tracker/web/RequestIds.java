package org.cqdrug.tracker.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.common.vertx.ContextLocals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's X-Request-Id when it is a plain token (letters, digits, '.', '_', '-', up
 * to 64), so that one id follows a request across a proxy, otherwise a new random one. The answer carries it back in
 * X-Request-Id, the access log line and every log line written for the request carry it (MDC {@code requestId}), and
 * so does every problem document.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Before every other filter, so that anything logged or answered knows the id. */
    void assign(@Observes Filters filters) {
        filters.register(context -> {
            String given = context.request().getHeader(HEADER);
            String id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
            ContextLocals.put(KEY, id);
            MDC.put(KEY, id);
            context.response().putHeader(HEADER, id);
            context.next();
        }, FilterOrder.REQUEST_ID_ROUTE);
    }

    /**
     * A random version-4 UUID from the thread's own generator: an id names a request and need not be unguessable,
     * and every request makes one, so it must not queue on the shared SecureRandom behind UUID.randomUUID().
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        try {
            return ContextLocals.<String> get(KEY).orElse(null);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // Not on a request's context: a scheduled job, a start-up task.
            return null;
        }
    }
}
