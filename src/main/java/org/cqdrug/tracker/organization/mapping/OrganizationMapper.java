package org.cqdrug.tracker.organization.mapping;

import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.organization.Organization;

/** Moves data between the organization entity and its API records. */
public final class OrganizationMapper {

    private OrganizationMapper() {
    }

    public static OrganizationView toView(Organization o) {
        return new OrganizationView(o.id, o.name, o.nameZh, o.kind, o.regionCode, o.cluster == null ? null : o.cluster.id,
                o.sourceUrl, o.createdAt, o.updatedAt, o.version);
    }

    /** The cluster is resolved by the service, which knows how to answer a missing one. */
    public static void apply(OrganizationInput in, Cluster cluster, Organization o) {
        o.name = in.name();
        o.nameZh = in.nameZh();
        o.kind = in.kind();
        o.regionCode = in.regionCode();
        o.cluster = cluster;
        o.sourceUrl = in.sourceUrl();
    }
}
