package org.cqdrug.tracker.cluster.rest;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.idempotency.Idempotent;
import org.cqdrug.tracker.cluster.mapping.ClusterFilter;
import org.cqdrug.tracker.cluster.mapping.ClusterInput;
import org.cqdrug.tracker.cluster.mapping.ClusterView;
import org.cqdrug.tracker.cluster.service.ClusterService;
import org.cqdrug.tracker.common.Responses;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.spreadsheet.Table;
import org.cqdrug.tracker.spreadsheet.Download;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.web.MergePatch;
import org.cqdrug.tracker.web.Tagged;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.access.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.cqdrug.tracker.web.TrackerApi;

@TrackerApi
@Path("/api/v1/clusters")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClusterResource {

    private final ClusterService service;
    private final MergePatch patches;

    public ClusterResource(ClusterService service, MergePatch patches) {
        this.service = service;
        this.patches = patches;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "List clusters", description = "Clusters in creation order, one page at a time that match every filter given, as JSON pages,"
            + " or all of them as CSV or an xlsx workbook (Accept: text/csv or Accept: " + Format.XLSX_TYPE + ", or format=csv or xlsx; limit and cursor are then ignored). Sortable fields: code, name, createdAt, updatedAt."
            + " An unknown parameter or a malformed value answers 400.")
    @APIResponse(responseCode = "200", description = "One page of clusters, or all of them as CSV or xlsx", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClusterPage")),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response list(@Valid @BeanParam ClusterFilter filter, @Valid @BeanParam PageParams page,
            @BeanParam Download download) {
        return download.answer(Table.of(ClusterView.class), "clusters", service.export(filter, page.sort))
                .orElseGet(() -> Response.ok(service.list(filter, page), MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a cluster", description = "One cluster by its id.")
    @APIResponse(responseCode = "200", description = "The cluster; its ETag is its version, for If-Match", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        return service.find(id).map(row -> Tagged.ok(request, row, row.version()))
                .orElseThrow(() -> ApiProblem.notFound("cluster", id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "History of a cluster", description = "Every revision of the cluster, oldest first: when, with"
            + " whose API key, which fields changed, and the row as it stood afterwards. A deleted cluster keeps its"
            + " history; rows recorded before history began have one baseline revision, or none.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id).orElseThrow(() -> ApiProblem.notFound("cluster", id));
    }

    @POST
    @Idempotent
    @Operation(summary = "Create a cluster", description = "Creates a cluster; its code must be unused.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new cluster", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClusterView.class)))
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<ClusterView> create(@NotNull @Valid ClusterInput input, UriInfo uri) {
        ClusterView created = service.create(input);
        return Responses.created(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a cluster", description = "Replaces every field of a cluster. Needs If-Match with the ETag read (428 without it, 412 if the row changed since).")
    @APIResponse(responseCode = "200", description = "The updated cluster, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response replace(@PathParam("id") UUID id, @NotNull @Valid ClusterInput input, @Context HttpHeaders headers) {
        ClusterView changed = service.replace(id, input, IfMatch.of(headers))
                .orElseThrow(() -> ApiProblem.notFound("cluster", id));
        return Tagged.ok(changed, changed.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a cluster", description = "JSON Merge Patch (RFC 7396): the fields given"
            + " replace the current ones, null clears one, the rest stay. The result must pass every rule a full"
            + " replacement does. Needs If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "The updated cluster, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response patch(@PathParam("id") UUID id, JsonNode patch, @Context HttpHeaders headers)
            throws JsonProcessingException {
        ClusterView current = service.find(id).orElseThrow(() -> ApiProblem.notFound("cluster", id));
        return replace(id, patches.apply(current, patch, ClusterInput.class), headers);
    }

    @DELETE
    // No body on success: any Accept will do, a client that expects only a problem document included.
    @Produces(MediaType.WILDCARD)
    @Path("/{id}")
    @Operation(summary = "Delete a cluster", description = "Deletes a cluster that no organization, candidate, target or collaboration refers to; otherwise answers 409 and deletes nothing.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @RolesAllowed(Roles.ADMIN)
    public void delete(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        if (!service.delete(id, IfMatch.of(headers))) {
            throw ApiProblem.notFound("cluster", id);
        }
    }
}
