package org.cqdrug.tracker.testsupport;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Sends every request of a test class that sets no Authorization of its own with the bootstrap key, for classes that
 * need real keys rather than a test identity (a webhook delivers only while the key it belongs to is valid).
 */
public final class WithKey {

    public static final String BOOTSTRAP = "Bearer test-admin-key";

    private static final Filter FILTER = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", BOOTSTRAP);
        }
        return context.next(request, response);
    };

    private WithKey() {
    }

    /** From now on (call in {@code @BeforeAll}). */
    public static void install() {
        RestAssured.filters(FILTER);
    }

    /** No longer (call in {@code @AfterAll}); the other filters stay. */
    public static void remove() {
        RestAssured.replaceFiltersWith(RestAssured.filters().stream().filter(filter -> filter != FILTER).toList());
    }
}
