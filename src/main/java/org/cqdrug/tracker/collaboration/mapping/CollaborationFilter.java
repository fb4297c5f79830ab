package org.cqdrug.tracker.collaboration.mapping;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.collaboration.CollaborationType;
import org.cqdrug.tracker.common.paging.Criteria;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the collaboration list and its CSV and xlsx exports; all given filters must hold. */
public class CollaborationFilter {

    @QueryParam("type")
    @Parameter(description = "Kind of collaboration")
    public CollaborationType type;

    @QueryParam("clusterId")
    @Parameter(description = "Cluster it is credited to")
    public UUID clusterId;

    @QueryParam("candidateId")
    @Parameter(description = "Candidate it concerns")
    public UUID candidateId;

    public Criteria criteria() {
        return new Criteria()
                .when(type, "type", "e.type = :type")
                .when(clusterId, "clusterId", "e.cluster.id = :clusterId")
                .when(candidateId, "candidateId", "e.candidate.id = :candidateId");
    }
}
