package org.cqdrug.tracker.statistics.rest;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.statistics.mapping.PipelineFunnel;
import org.cqdrug.tracker.statistics.service.StatisticsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.cqdrug.tracker.web.TrackerApi;

@TrackerApi
@Path("/api/v1/pipeline")
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    private final StatisticsService service;

    public PipelineResource(StatisticsService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Pipeline funnel", description = "Candidates by phase and by category, all classes,"
            + " optionally only those whose sponsor is in a region and/or that belong to a cluster, at an evidence"
            + " level, as the forecast sees the pipeline: at CONFIRMED (the default) an approval counts only when"
            + " confirmed, so a reported one leaves its candidate at the phase it had reached; REPORTED counts"
            + " confirmed or reported approvals; UNCONFIRMED gives each candidate's current phase. Other phases count"
            + " at any level. A candidate whose only entries are approvals below the level is left out.")
    @APIResponse(responseCode = "200", description = "The funnel, zeros included")
    public PipelineFunnel funnel(
            @Parameter(description = "Sponsor's ISO 3166-2 region", example = "CN-CQ")
            @QueryParam("regionCode") @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
            @Parameter(description = "Candidate's cluster") @QueryParam("clusterId") UUID clusterId,
            @Parameter(description = "Evidence level counted: CONFIRMED (the default, as targets count) counts confirmed"
                    + " facts; REPORTED confirmed or reported ones; UNCONFIRMED all")
            @QueryParam("evidence") Evidence evidence) {
        return service.pipeline(new Scope(regionCode, clusterId), evidence);
    }
}
