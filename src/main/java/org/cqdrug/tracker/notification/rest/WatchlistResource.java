package org.cqdrug.tracker.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.access.Roles;
import org.cqdrug.tracker.common.Language;
import org.cqdrug.tracker.common.Responses;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.feed.AtomFeed;
import org.cqdrug.tracker.feed.FeedFormat;
import org.cqdrug.tracker.httpcache.NoStore;
import org.cqdrug.tracker.idempotency.NotReplayed;
import org.cqdrug.tracker.notification.mapping.EventFilter;
import org.cqdrug.tracker.notification.mapping.EventPage;
import org.cqdrug.tracker.notification.mapping.WatchlistInput;
import org.cqdrug.tracker.notification.mapping.WatchlistView;
import org.cqdrug.tracker.notification.service.Caller;
import org.cqdrug.tracker.notification.service.Events;
import org.cqdrug.tracker.notification.service.WatchlistService;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.web.Tagged;
import org.cqdrug.tracker.web.TrackerApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@TrackerApi
@Path("/api/v1/watchlists")
@Tag(name = "Watchlists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@NoStore
@NotReplayed
public class WatchlistResource {

    private final WatchlistService service;

    public WatchlistResource(WatchlistService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List watchlists", description = "The watchlists saved with the calling key (an"
            + " administrator's key sees every key's). Sortable fields: createdAt, name.")
    @APIResponse(responseCode = "200", description = "One page of watchlists",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WatchlistPage")))
    public Page<WatchlistView> list(@Valid @BeanParam PageParams page, @Context SecurityContext security) {
        return service.list(Caller.of(security), page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get a watchlist", description = "One saved filter, with the address of its feed.")
    @APIResponse(responseCode = "200", description = "The watchlist; its ETag is its version, for If-Match", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WatchlistView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request, @Context SecurityContext security) {
        WatchlistView row = service.get(id, Caller.of(security));
        return Tagged.ok(request, row, row.version());
    }

    @POST
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Save a watchlist", description = "A named filter of the events (types, region, target,"
            + " cluster, candidate), whose feed a feed reader can follow at its 'feed' address.")
    @APIResponse(responseCode = "201", description = "Saved; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WatchlistView.class)))
    public RestResponse<WatchlistView> create(@NotNull @Valid WatchlistInput input, UriInfo uri,
            @Context SecurityContext security) {
        WatchlistView created = service.create(input, Caller.of(security));
        return Responses.created(uri, created.id(), created);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Replace a watchlist", description = "Needs If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "The watchlist, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WatchlistView.class)))
    public Response replace(@PathParam("id") UUID id, @NotNull @Valid WatchlistInput input,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        WatchlistView row = service.replace(id, input, Caller.of(security), IfMatch.of(headers));
        return Tagged.ok(row, row.version());
    }

    @DELETE
    @Produces(MediaType.WILDCARD)
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Delete a watchlist", description = "Its feed answers 404 from then on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @Context HttpHeaders headers, @Context SecurityContext security) {
        service.delete(id, Caller.of(security), IfMatch.of(headers));
    }
}
