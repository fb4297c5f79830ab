package org.cqdrug.tracker.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.cqdrug.tracker.web.FilterOrder;
import org.cqdrug.tracker.web.TrackerApi;

/**
 * What {@code @RolesAllowed} cannot say: a request that sends a key is authenticated before anything else, so a bad
 * key is a 401 on every endpoint, public reads included; and with {@code tracker.reads-require-key} reads require the
 * VIEWER role. Writes name their role on the resource method.
 */
public class AccessFilter {

    private final CurrentIdentityAssociation identities;
    private final AccessConfig tracker;

    public AccessFilter(CurrentIdentityAssociation identities, AccessConfig tracker) {
        this.identities = identities;
        this.tracker = tracker;
    }

    @TrackerApi
    @ServerRequestFilter(priority = FilterOrder.ACCESS, nonBlocking = true)
    public Uni<Void> check(ContainerRequestContext request) {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        boolean viewerOnly = read && tracker.readsRequireKey();
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && !viewerOnly) {
            return Uni.createFrom().voidItem();
        }
        // the key's lookup runs on a worker thread (ApiKeyIdentityProvider); the event loop only awaits it
        return identities.getDeferredIdentity().invoke(identity -> {
            if (viewerOnly && !identity.hasRole(Roles.VIEWER)) {
                throw identity.isAnonymous() ? new UnauthorizedException() : new ForbiddenException();
            }
        }).replaceWithVoid();
    }
}
