package org.cqdrug.tracker.common.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import org.hibernate.envers.RevisionListener;

/** Stamps each revision with the holder of the API key behind the request. */
public class RevisionAuthor implements RevisionListener {

    static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revision) {
        ((Revision) revision).author = author();
    }

    private static String author() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        try (InstanceHandle<CurrentIdentityAssociation> identities = Arc.container()
                .instance(CurrentIdentityAssociation.class)) {
            SecurityIdentity identity = identities.get().getIdentity();
            return identity == null || identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
        }
    }
}
