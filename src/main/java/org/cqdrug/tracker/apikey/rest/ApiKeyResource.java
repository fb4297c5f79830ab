package org.cqdrug.tracker.apikey.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.apikey.mapping.ApiKeyInput;
import org.cqdrug.tracker.apikey.mapping.ApiKeyView;
import org.cqdrug.tracker.apikey.mapping.CreatedApiKey;
import org.cqdrug.tracker.apikey.service.ApiKeyService;
import org.cqdrug.tracker.common.Responses;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.web.Tagged;
import org.cqdrug.tracker.httpcache.NoStore;
import org.cqdrug.tracker.idempotency.NotReplayed;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.access.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.cqdrug.tracker.web.TrackerApi;

@TrackerApi
@Path("/api/v1/api-keys")
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@NoStore
@NotReplayed
public class ApiKeyResource {

    private final ApiKeyService service;

    public ApiKeyResource(ApiKeyService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List API keys", description = "Every key, revoked ones included, without its secret."
            + " Sortable fields: name, createdAt.")
    @APIResponse(responseCode = "200", description = "One page of keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyPage")))
    public Page<ApiKeyView> list(@Valid @BeanParam PageParams page) {
        return service.list(page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an API key", description = "One key by its id, without its secret.")
    @APIResponse(responseCode = "200", description = "The key; its ETag is its version, for If-Match", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        return service.find(id).map(row -> Tagged.ok(request, row, row.version()))
                .orElseThrow(() -> ApiProblem.notFound("API key", id));
    }

    @POST
    @Operation(summary = "Create an API key", description = "Creates a key for a named holder with a role. The answer"
            + " carries the key itself in 'key', this once: only its hash is stored.")
    @APIResponse(responseCode = "201", description = "Created; Location names the key; 'key' is the secret", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreatedApiKey.class)))
    public RestResponse<CreatedApiKey> create(@NotNull @Valid ApiKeyInput input, UriInfo uri) {
        CreatedApiKey created = service.create(input);
        return Responses.created(uri, created.apiKey().id(), created);
    }

    @DELETE
    // No body on success: any Accept will do, a client that expects only a problem document included.
    @Produces(MediaType.WILDCARD)
    @Path("/{id}")
    @Operation(summary = "Revoke an API key", description = "The key stops working at once; it stays listed with the"
            + " time it was revoked, since the history names it as the author of its changes.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        if (!service.revoke(id, IfMatch.of(headers))) {
            throw ApiProblem.notFound("API key", id);
        }
    }
}
