package org.cqdrug.tracker.testsupport;

import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.core.HttpHeaders;
import org.cqdrug.tracker.web.IfMatch;

/** For service tests, which call the services as the resources do, without HTTP. */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    /**
     * Reads as a request of its own would, in a unit of work of its own. Outside one, every read of a test method
     * shares the method's request-scoped session, which keeps the state it first loaded and would not see the
     * changes the service's own transactions made since.
     */
    public static <T> T read(Callable<T> read) {
        return QuarkusTransaction.requiringNew().call(read);
    }

    /** What a careful client sends: If-Match with the ETag of the version it read. */
    public static IfMatch ifMatch(long version) {
        HttpHeaders headers = (HttpHeaders) Proxy.newProxyInstance(ServiceCalls.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaderString") && IfMatch.HEADER.equalsIgnoreCase((String) args[0])) {
                        return IfMatch.tag(version);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return IfMatch.of(headers);
    }
}
