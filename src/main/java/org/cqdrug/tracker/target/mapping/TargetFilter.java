package org.cqdrug.tracker.target.mapping;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the target list and its CSV and xlsx exports; all given filters must hold. */
public class TargetFilter {

    @QueryParam("regionCode")
    @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE)
    @Parameter(description = "ISO 3166-2 region it is scoped to", example = "CN-CQ")
    public String regionCode;

    @QueryParam("clusterId")
    @Parameter(description = "Cluster it is scoped to")
    public UUID clusterId;

    public Criteria criteria() {
        return new Criteria()
                .when(regionCode, "regionCode", "e.regionCode = :regionCode")
                .when(clusterId, "clusterId", "e.cluster.id = :clusterId");
    }
}
