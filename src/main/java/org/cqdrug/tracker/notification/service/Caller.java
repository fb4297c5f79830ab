package org.cqdrug.tracker.notification.service;

import jakarta.ws.rs.core.SecurityContext;
import org.cqdrug.tracker.access.Roles;

/** Who asks: a key's name, and whether it is an administrator's, who sees every key's webhooks and watchlists. */
public record Caller(String name, boolean admin) {

    public static Caller of(SecurityContext security) {
        return new Caller(security.getUserPrincipal().getName(), security.isUserInRole(Roles.ADMIN));
    }
}
