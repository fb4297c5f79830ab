package org.cqdrug.tracker.web;

import java.lang.reflect.Method;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body declared larger than the API takes with a 413 problem, before any filter or resource reads it. The
 * HTTP layer's limit ({@code quarkus.http.limits.max-body-size}) sits above every limit here, for file uploads, and
 * still cuts off a body past it with a bare 413.
 */
public class BodyLimits {

    private final WebConfig config;

    public BodyLimits(WebConfig config) {
        this.config = config;
    }

    @TrackerApi
    @ServerRequestFilter(priority = FilterOrder.BODY_LIMIT, nonBlocking = true)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (method == null || declared == null || method.isAnnotationPresent(OwnBodyLimit.class)) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (length > config.maxBodyBytes()) {
            throw ApiProblem.tooLarge("The body of " + length + " bytes is over this endpoint's limit of "
                    + config.maxBodyBytes() + " bytes");
        }
    }
}
