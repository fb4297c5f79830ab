package org.cqdrug.tracker.approval.rest;

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
import org.cqdrug.tracker.approval.mapping.ApprovalFilter;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.approval.service.ApprovalImport;
import org.cqdrug.tracker.approval.service.ApprovalService;
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
@Path("/api/v1/approvals")
@Tag(name = "Approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private final ApprovalService service;
    private final MergePatch patches;
    private final ApprovalImport imports;

    public ApprovalResource(ApprovalService service, ApprovalImport imports, MergePatch patches) {
        this.service = service;
        this.patches = patches;
        this.imports = imports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "List approvals", description = "Approvals matching every filter given, one page at a time as"
            + " JSON, or all of them as CSV or an xlsx workbook (Accept: text/csv or Accept: " + Format.XLSX_TYPE + ", or format=csv or xlsx; limit and cursor are then ignored). Sortable fields:"
            + " approvedOn, approvalNumber, authority, category, registrationClass, createdAt, updatedAt. An unknown"
            + " parameter or a malformed value answers 400.")
    @APIResponse(responseCode = "200", description = "One page of approvals, or all of them as CSV or xlsx", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalPage")),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response list(@Valid @BeanParam ApprovalFilter filter, @Valid @BeanParam PageParams page,
            @BeanParam Download download) {
        return download.answer(Table.of(ApprovalView.class), "approvals", service.export(filter, page.sort))
                .orElseGet(() -> Response.ok(service.list(filter, page), MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/facets")
    @Tag(name = "Statistics")
    @Operation(summary = "Count approvals by a field", description = "How many approvals matching the filters have"
            + " each value of the field, most frequent first. Fields: year, authority, category, registrationClass, evidence; at most limit"
            + " values.")
    @APIResponse(responseCode = "200", description = "One count per value")
    public List<FacetCount> facets(@Valid @BeanParam FacetParams facet, @Valid @BeanParam ApprovalFilter filter) {
        return service.facets(filter, facet);
    }

    @POST
    @Idempotent
    @Path("/import")
    @Consumes(Format.CSV_TYPE)
    @Operation(summary = "Import approvals from CSV", description = "Takes the columns of the CSV export (id, createdAt,"
            + " updatedAt and version are ignored; lists are separated by ';'). candidateId takes a candidate id or a code only one candidate has; each approval moves its candidate as a recorded one does. Every row is validated"
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
    @Operation(summary = "Get an approval", description = "One approval by its id.")
    @APIResponse(responseCode = "200", description = "The approval; its ETag is its version, for If-Match", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        return service.find(id).map(row -> Tagged.ok(request, row, row.version()))
                .orElseThrow(() -> ApiProblem.notFound("approval", id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "History of a approval", description = "Every revision of the approval, oldest first: when, with"
            + " whose API key, which fields changed, and the row as it stood afterwards. A deleted approval keeps its"
            + " history; rows recorded before history began have one baseline revision, or none.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id).orElseThrow(() -> ApiProblem.notFound("approval", id));
    }

    @POST
    @Idempotent
    @Operation(summary = "Record an approval", description = "Records an approval and, in the same transaction, appends an APPROVED milestone to the candidate, which moves it to APPROVED (unless a later milestone says DISCONTINUED). Registration class, category and indication are snapshotted from the candidate when left out. The approval number must be unused for the authority.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new approval", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApprovalView.class)))
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<ApprovalView> create(@NotNull @Valid ApprovalInput input, UriInfo uri) {
        ApprovalView created = service.create(input);
        return Responses.created(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an approval", description = "Replaces every field of an approval and keeps the APPROVED milestone it wrote in step. Needs If-Match with the ETag read (428 without it, 412 if the row changed since).")
    @APIResponse(responseCode = "200", description = "The updated approval, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response replace(@PathParam("id") UUID id, @NotNull @Valid ApprovalInput input, @Context HttpHeaders headers) {
        ApprovalView changed = service.replace(id, input, IfMatch.of(headers))
                .orElseThrow(() -> ApiProblem.notFound("approval", id));
        return Tagged.ok(changed, changed.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a approval", description = "JSON Merge Patch (RFC 7396): the fields given"
            + " replace the current ones, null clears one, the rest stay. The result must pass every rule a full"
            + " replacement does. Needs If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "The updated approval, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response patch(@PathParam("id") UUID id, JsonNode patch, @Context HttpHeaders headers)
            throws JsonProcessingException {
        ApprovalView current = service.find(id).orElseThrow(() -> ApiProblem.notFound("approval", id));
        return replace(id, patches.apply(current, patch, ApprovalInput.class), headers);
    }

    @DELETE
    // No body on success: any Accept will do, a client that expects only a problem document included.
    @Produces(MediaType.WILDCARD)
    @Path("/{id}")
    @Operation(summary = "Delete an approval", description = "Deletes an approval together with the APPROVED milestone it wrote, and re-derives the candidate's phase from its remaining history.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @RolesAllowed(Roles.ADMIN)
    public void delete(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        if (!service.delete(id, IfMatch.of(headers))) {
            throw ApiProblem.notFound("approval", id);
        }
    }
}
