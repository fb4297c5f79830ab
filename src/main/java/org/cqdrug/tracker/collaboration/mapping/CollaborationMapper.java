package org.cqdrug.tracker.collaboration.mapping;

import java.util.ArrayList;
import java.util.List;

import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.collaboration.Collaboration;
import org.cqdrug.tracker.organization.Organization;

/** Moves data between the collaboration entity and its API records. */
public final class CollaborationMapper {

    private CollaborationMapper() {
    }

    public static CollaborationView toView(Collaboration c) {
        return new CollaborationView(c.id, c.type, c.title, c.organizations.stream().map(o -> o.id).toList(),
                c.candidate == null ? null : c.candidate.id, c.cluster == null ? null : c.cluster.id, c.signedOn,
                c.valueCny, c.sourceUrl, c.note, c.createdAt, c.updatedAt, c.version);
    }

    public static void apply(CollaborationInput in, List<Organization> organizations, Candidate candidate,
            Cluster cluster, Collaboration c) {
        c.type = in.type();
        c.title = in.title();
        c.organizations = new ArrayList<>(organizations);
        c.candidate = candidate;
        c.cluster = cluster;
        c.signedOn = in.signedOn();
        c.valueCny = in.valueCny();
        c.sourceUrl = in.sourceUrl();
        c.note = in.note();
    }
}
