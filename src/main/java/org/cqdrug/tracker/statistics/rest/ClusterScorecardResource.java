package org.cqdrug.tracker.statistics.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.statistics.mapping.ClusterScorecard;
import org.cqdrug.tracker.statistics.service.StatisticsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.cqdrug.tracker.web.TrackerApi;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** A cluster's scorecard, under the cluster's address. */
@TrackerApi
@Path("/api/v1/clusters/{id}/scorecard")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterScorecardResource {

    private final StatisticsService service;

    public ClusterScorecardResource(StatisticsService service) {
        this.service = service;
    }

    @GET
    // The operation id it had before it moved here, so that generated clients keep their method name.
    @Operation(extensions = @Extension(name = "x-operation-id", value = "ClusterResource_scorecard"), summary = "Cluster scorecard",
            description = "At an evidence level (confirmed facts unless asked otherwise, as for the pipeline"
            + " funnel): the cluster's candidates by phase; its approvals (all, and Class 1, by any authority) that"
            + " certainly fall in the year, and up to the end of the year; its collaborations"
            + " by type signed in the year and up to the end of the year.")
    @APIResponse(responseCode = "200", description = "The scorecard")
    public ClusterScorecard scorecard(@PathParam("id") UUID id,
            @Parameter(description = "Year; defaults to this year", example = "2026")
            @QueryParam("year") @Min(1950) @Max(2100) Integer year,
            @Parameter(description = "Evidence level counted: CONFIRMED (the default, as targets count) counts confirmed"
                    + " facts; REPORTED confirmed or reported ones; UNCONFIRMED all")
            @QueryParam("evidence") Evidence evidence) {
        return service.scorecard(id, year, evidence);
    }
}
