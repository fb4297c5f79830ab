package org.cqdrug.tracker.statistics.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cqdrug.tracker.spreadsheet.Download;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.statistics.mapping.YearlyApprovals;
import org.cqdrug.tracker.statistics.mapping.YearlyApprovalsTable;
import org.cqdrug.tracker.statistics.service.StatisticsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.cqdrug.tracker.web.TrackerApi;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Approvals counted per year, under the approvals' address. */
@TrackerApi
@Path("/api/v1/approvals/yearly")
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class YearlyApprovalsResource {

    private final StatisticsService service;

    public YearlyApprovalsResource(StatisticsService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.XLSX_TYPE})
    // The operation id it had before it moved here, so that generated clients keep their method name.
    @Operation(extensions = @Extension(name = "x-operation-id", value = "ApprovalResource_yearly"), summary = "Approvals per year",
            description = "For every year from 'from' to 'to' (zeros included), at an evidence level (confirmed"
            + " approvals unless asked otherwise), each approval in the year it certainly falls in (one whose date"
            + " range spans two years counts in neither):"
            + " all approvals, Class 1 approvals (registration class \"1\" or \"1.x\" as approved) and both by category,"
            + " optionally only those whose candidate's sponsor is in a region, whose candidate is in a cluster, or"
            + " granted by one authority. As CSV or xlsx (Accept, or format=csv or xlsx), one row per year.")
    @APIResponse(responseCode = "200", description = "Counts per year", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearlyApprovals.class)),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response yearly(
            @Parameter(description = "First year; defaults to nine years before 'to'", example = "2020")
            @QueryParam("from") @Min(1950) @Max(2100) Integer from,
            @Parameter(description = "Last year; defaults to this year", example = "2026")
            @QueryParam("to") @Min(1950) @Max(2100) Integer to,
            @Parameter(description = "Sponsor's ISO 3166-2 region", example = "CN-CQ")
            @QueryParam("regionCode") @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
            @Parameter(description = "Candidate's cluster") @QueryParam("clusterId") UUID clusterId,
            @Parameter(description = "Only this authority's approvals; all when omitted") @QueryParam("authority") Authority authority,
            @Parameter(description = "Evidence level counted: CONFIRMED (the default, as targets count) counts confirmed"
                    + " facts; REPORTED confirmed or reported ones; UNCONFIRMED all")
            @QueryParam("evidence") Evidence evidence,
            @BeanParam Download download) {
        YearlyApprovals yearly = service.yearly(from, to, new Scope(regionCode, clusterId), authority, evidence);
        return download.answer(YearlyApprovalsTable.TABLE, "approvals-yearly", sink -> yearly.items().forEach(sink))
                .orElseGet(() -> Response.ok(yearly, MediaType.APPLICATION_JSON).build());
    }
}
