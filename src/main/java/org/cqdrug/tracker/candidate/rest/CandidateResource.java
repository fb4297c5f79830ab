package org.cqdrug.tracker.candidate.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.idempotency.Idempotent;
import org.cqdrug.tracker.candidate.mapping.CandidateFilter;
import org.cqdrug.tracker.candidate.mapping.CandidateInput;
import org.cqdrug.tracker.candidate.mapping.CandidateView;
import org.cqdrug.tracker.candidate.mapping.MilestoneInput;
import org.cqdrug.tracker.candidate.mapping.MilestoneView;
import org.cqdrug.tracker.candidate.service.CandidateImport;
import org.cqdrug.tracker.candidate.service.CandidateService;
import org.cqdrug.tracker.common.Responses;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.spreadsheet.CsvImport;
import org.cqdrug.tracker.spreadsheet.Table;
import org.cqdrug.tracker.spreadsheet.Download;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.web.MergePatch;
import org.cqdrug.tracker.web.Tagged;
import org.cqdrug.tracker.common.paging.FacetCount;
import org.cqdrug.tracker.common.paging.FacetParams;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.access.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.cqdrug.tracker.web.TrackerApi;

@TrackerApi
@Path("/api/v1/candidates")
@Tag(name = "Candidates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CandidateResource {

    private final CandidateService service;
    private final MergePatch patches;
    private final CandidateImport imports;

    public CandidateResource(CandidateService service, CandidateImport imports, MergePatch patches) {
        this.service = service;
        this.patches = patches;
        this.imports = imports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "List drug candidates", description = "Drug candidates matching every filter given, one page"
            + " at a time as JSON, or all of them as CSV or an xlsx workbook (Accept: text/csv or Accept: " + Format.XLSX_TYPE + ", or format=csv or xlsx; limit and cursor are then ignored)."
            + " Sortable fields: code, name, nameZh, phase, category, registrationClass, therapeuticArea, createdAt,"
            + " updatedAt. An unknown parameter or a malformed value answers 400.")
    @APIResponse(responseCode = "200", description = "One page of candidates, or all of them as CSV or xlsx", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CandidatePage")),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response list(@Valid @BeanParam CandidateFilter filter, @Valid @BeanParam PageParams page,
            @BeanParam Download download) {
        return download.answer(Table.of(CandidateView.class), "candidates", service.export(filter, page.sort))
                .orElseGet(() -> Response.ok(service.list(filter, page), MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/facets")
    @Operation(summary = "Count candidates by a field", description = "How many candidates matching the filters have"
            + " each value of the field, most frequent first. Fields: phase, category, registrationClass,"
            + " therapeuticArea, clusterId, sponsorId; at most limit values.")
    @APIResponse(responseCode = "200", description = "One count per value")
    public List<FacetCount> facets(@Valid @BeanParam FacetParams facet, @Valid @BeanParam CandidateFilter filter) {
        return service.facets(filter, facet);
    }

    @POST
    @Idempotent
    @Path("/import")
    @Consumes(Format.CSV_TYPE)
    @Operation(summary = "Import candidates from CSV", description = "Takes the columns of the CSV export (id, createdAt,"
            + " updatedAt and version are ignored; lists are separated by ';'). clusterId takes a cluster id or code; sponsorId an organization id or exact name. Every row is validated"
            + " first; then either all rows are written in one transaction or none is, and a failed import answers a"
            + " 422 problem listing each bad row's line, column and reason. With dryRun=true nothing is written.")
    @APIResponse(responseCode = "200", description = "All rows imported, or all valid on a dry run")
    @RolesAllowed(Roles.EDITOR)
    public CsvImport.Result importCsv(
            @Parameter(description = "Validate only; write nothing", example = "false") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @RequestBody(description = "UTF-8 CSV with a header row", content = @Content(mediaType = Format.CSV_TYPE,
                    schema = @Schema(type = SchemaType.STRING))) String body) {
        return imports.run(body, dryRun);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a drug candidate", description = "One candidate by its id, with its current phase.")
    @APIResponse(responseCode = "200", description = "The candidate; its ETag is its version, for If-Match", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        return service.find(id).map(row -> Tagged.ok(request, row, row.version()))
                .orElseThrow(() -> ApiProblem.notFound("candidate", id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "History of a candidate", description = "Every revision of the candidate, oldest first: when, with"
            + " whose API key, which fields changed, and the row as it stood afterwards. A deleted candidate keeps its"
            + " history; rows recorded before history began have one baseline revision, or none.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id).orElseThrow(() -> ApiProblem.notFound("candidate", id));
    }

    @POST
    @Idempotent
    @Operation(summary = "Create a drug candidate", description = "Creates a candidate in the given phase. sponsorId must name an organization and clusterId, when given, a cluster; the code must be unused for that sponsor.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new candidate", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CandidateView.class)))
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<CandidateView> create(@NotNull @Valid CandidateInput input, UriInfo uri) {
        CandidateView created = service.create(input);
        return Responses.created(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a drug candidate", description = "Replaces every field of a candidate except its phase, which must repeat the current one: the phase moves only by recording milestones or approvals. Needs If-Match with the ETag read (428 without it, 412 if the row changed since).")
    @APIResponse(responseCode = "200", description = "The updated candidate, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response replace(@PathParam("id") UUID id, @NotNull @Valid CandidateInput input, @Context HttpHeaders headers) {
        CandidateView changed = service.replace(id, input, IfMatch.of(headers))
                .orElseThrow(() -> ApiProblem.notFound("candidate", id));
        return Tagged.ok(changed, changed.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a candidate", description = "JSON Merge Patch (RFC 7396): the fields given"
            + " replace the current ones, null clears one, the rest stay. The result must pass every rule a full"
            + " replacement does. Needs If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "The updated candidate, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response patch(@PathParam("id") UUID id, JsonNode patch, @Context HttpHeaders headers)
            throws JsonProcessingException {
        CandidateView current = service.find(id).orElseThrow(() -> ApiProblem.notFound("candidate", id));
        return replace(id, patches.apply(current, patch, CandidateInput.class), headers);
    }

    @DELETE
    // No body on success: any Accept will do, a client that expects only a problem document included.
    @Produces(MediaType.WILDCARD)
    @Path("/{id}")
    @Operation(summary = "Delete a drug candidate", description = "Deletes a candidate and its phase history. A candidate with approvals or collaborations answers 409 and nothing is deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @RolesAllowed(Roles.ADMIN)
    public void delete(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        if (!service.delete(id, IfMatch.of(headers))) {
            throw ApiProblem.notFound("candidate", id);
        }
    }

    @GET
    @Path("/{id}/milestones")
    @Operation(summary = "Phase history of a candidate", description = "Every milestone of the candidate, oldest first, as one JSON array (not paged). The latest one sets the candidate's current phase, except that a candidate holding an approval is APPROVED unless its latest milestone is DISCONTINUED.")
    @APIResponse(responseCode = "200", description = "The phase history, oldest first")
    public List<MilestoneView> milestones(@PathParam("id") UUID id) {
        return service.milestones(id).orElseThrow(() -> ApiProblem.notFound("candidate", id));
    }

    @GET
    @Path("/{id}/milestones/{milestoneId}")
    @Operation(summary = "Get one milestone", description = "One entry of a candidate's phase history.")
    @APIResponse(responseCode = "200", description = "The milestone; its ETag is its version, for If-Match",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MilestoneView.class)))
    public Response milestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
            @Context Request request) {
        return service.milestone(id, milestoneId).map(row -> Tagged.ok(request, row, row.version()))
                .orElseThrow(() -> ApiProblem.notFound("milestone of candidate " + id, milestoneId));
    }

    @GET
    @Path("/{id}/milestones/{milestoneId}/history")
    @Operation(summary = "History of a milestone", description = "Every revision of one entry of a candidate's phase"
            + " history: when it was recorded and, if so, deleted, with whose API key. A deleted entry keeps its"
            + " history.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first")
    public List<HistoryEntry> milestoneHistory(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        return service.milestoneHistory(id, milestoneId)
                .orElseThrow(() -> ApiProblem.notFound("milestone of candidate " + id, milestoneId));
    }

    @POST
    @Idempotent
    @Path("/{id}/milestones")
    @Operation(summary = "Record a milestone", description = "Appends a phase the candidate reached and moves its current phase to the latest milestone's phase. History is append-only: correct it with a new entry or a delete.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new milestone", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MilestoneView.class)))
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<MilestoneView> addMilestone(@PathParam("id") UUID id, @NotNull @Valid MilestoneInput input, UriInfo uri) {
        MilestoneView created = service.addMilestone(id, input).orElseThrow(() -> ApiProblem.notFound("candidate", id));
        return Responses.created(uri, created.id(), created);
    }

    @DELETE
    // No body on success: any Accept will do, a client that expects only a problem document included.
    @Produces(MediaType.WILDCARD)
    @Path("/{id}/milestones/{milestoneId}")
    @Operation(summary = "Delete a milestone", description = "Removes an entry recorded in error and re-derives the current phase. An entry written by an approval, or the candidate's only entry, answers 409: change or delete the approval, or record the right phase first.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @RolesAllowed(Roles.ADMIN)
    public void deleteMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
            @Context HttpHeaders headers) {
        if (!service.deleteMilestone(id, milestoneId, IfMatch.of(headers))) {
            throw ApiProblem.notFound("milestone of candidate " + id, milestoneId);
        }
    }
}
