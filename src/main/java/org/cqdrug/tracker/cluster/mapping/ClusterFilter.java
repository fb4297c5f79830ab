package org.cqdrug.tracker.cluster.mapping;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the cluster list and its CSV and xlsx exports; all given filters must hold. */
public class ClusterFilter {

    @QueryParam("regionCode")
    @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE)
    @Parameter(description = "ISO 3166-2 region", example = "CN-CQ")
    public String regionCode;

    public Criteria criteria() {
        return new Criteria()
                .when(regionCode, "regionCode", "e.regionCode = :regionCode");
    }
}
