package org.cqdrug.tracker.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

/**
 * Does what a careful client does before a change: reads the row and sends its ETag in If-Match. Installed for every
 * test (see TestData), so that tests about other rules need not repeat it; a request that sets If-Match itself, or
 * carries {@link #UNCONDITIONAL}, is sent as it is.
 */
public final class ReadBeforeWrite implements Filter {

    /** A test-only header: send this request without If-Match, as a forgetful client would. */
    public static final String UNCONDITIONAL = "X-Test-Unconditional";

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        String method = request.getMethod();
        boolean change = "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
        if (request.getHeaders().hasHeaderWithName(UNCONDITIONAL)) {
            request.removeHeader(UNCONDITIONAL);
        } else if (change && !request.getHeaders().hasHeaderWithName("If-Match")) {
            RequestSpecification read = given();
            String authorization = request.getHeaders().getValue("Authorization");
            if (authorization != null) {
                read.header("Authorization", authorization);
            }
            Response current = read.get(request.getURI());
            if (current.statusCode() == 200 && current.header("ETag") != null) {
                request.header("If-Match", current.header("ETag"));
            }
        }
        return context.next(request, response);
    }
}
