package org.cqdrug.tracker.organization.mapping;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.organization.OrganizationKind;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the organization list and its CSV and xlsx exports; all given filters must hold. */
public class OrganizationFilter {

    @QueryParam("kind")
    @Parameter(description = "Kind of organization")
    public OrganizationKind kind;

    @QueryParam("regionCode")
    @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE)
    @Parameter(description = "ISO 3166-2 region where it is based", example = "CN-CQ")
    public String regionCode;

    @QueryParam("clusterId")
    @Parameter(description = "Cluster it belongs to")
    public UUID clusterId;

    @QueryParam("q")
    @Size(min = 1, max = 200)
    @Parameter(description = "Text found in its name or Chinese name, case-insensitive", example = "重庆精准生物")
    public String q;

    public Criteria criteria() {
        return new Criteria()
                .when(kind, "kind", "e.kind = :kind")
                .when(regionCode, "regionCode", "e.regionCode = :regionCode")
                .when(clusterId, "clusterId", "e.cluster.id = :clusterId")
                .when(q == null ? null : Criteria.contains(q), "q", "lower(e.name) like :q escape '\\'"
                        + " or lower(coalesce(e.nameZh, '')) like :q escape '\\'");
    }
}
