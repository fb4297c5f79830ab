package org.cqdrug.tracker.approval.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.approval.service.ApprovalService;
import org.cqdrug.tracker.common.Responses;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/approvals")
@Tag(name = "Approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private final ApprovalService service;

    public ApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List approvals", description = "Recorded marketing approvals in creation order, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of approvals")
    public Page<ApprovalView> list(@Valid @BeanParam PageParams page) {
        return service.list(page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an approval", description = "One approval by its id.")
    @APIResponse(responseCode = "200", description = "The approval")
    public ApprovalView get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ApiProblem.notFound("approval", id));
    }

    @POST
    @Operation(summary = "Record an approval", description = "Records an approval and, in the same transaction, appends an APPROVED milestone to the candidate, which moves it to APPROVED. Registration class, category and indication are snapshotted from the candidate when left out. The approval number must be unused for the authority.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new approval")
    public RestResponse<ApprovalView> create(@NotNull @Valid ApprovalInput input, UriInfo uri) {
        ApprovalView created = service.create(input);
        return Responses.created(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an approval", description = "Replaces every field of an approval and keeps the APPROVED milestone it wrote in step. Send the version you read to guard against lost updates.")
    @APIResponse(responseCode = "200", description = "The updated approval")
    public ApprovalView replace(@PathParam("id") UUID id, @NotNull @Valid ApprovalInput input) {
        return service.replace(id, input).orElseThrow(() -> ApiProblem.notFound("approval", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an approval", description = "Deletes an approval together with the APPROVED milestone it wrote, and re-derives the candidate's phase from its remaining history.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        if (!service.delete(id)) {
            throw ApiProblem.notFound("approval", id);
        }
    }
}
