package org.cqdrug.tracker.notification.rest;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.access.Roles;
import org.cqdrug.tracker.common.Responses;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.httpcache.NoStore;
import org.cqdrug.tracker.idempotency.NotReplayed;
import org.cqdrug.tracker.notification.mapping.CreatedWebhook;
import org.cqdrug.tracker.notification.mapping.DeliveryPage;
import org.cqdrug.tracker.notification.mapping.DeliveryView;
import org.cqdrug.tracker.notification.mapping.WebhookInput;
import org.cqdrug.tracker.notification.mapping.WebhookView;
import org.cqdrug.tracker.notification.service.Caller;
import org.cqdrug.tracker.notification.service.Deliveries;
import org.cqdrug.tracker.notification.service.WebhookService;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.web.MergePatch;
import org.cqdrug.tracker.web.NeedsIfMatch;
import org.cqdrug.tracker.web.Tagged;
import org.cqdrug.tracker.web.TrackerApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@TrackerApi
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@NoStore
@NotReplayed
public class WebhookResource {

    private final WebhookService service;
    private final Deliveries deliveries;
    private final MergePatch patches;

    public WebhookResource(WebhookService service, Deliveries deliveries, MergePatch patches) {
        this.service = service;
        this.deliveries = deliveries;
        this.patches = patches;
    }

    @GET
    @Operation(summary = "List webhooks", description = "The endpoints subscribed with the calling key (an"
            + " administrator's key sees every key's), without their secrets. Sortable fields: createdAt, url.")
    @APIResponse(responseCode = "200", description = "One page of webhooks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookPage")))
    public Page<WebhookView> list(@Valid @BeanParam PageParams page, @Context SecurityContext security) {
        return service.list(Caller.of(security), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a webhook", description = "One endpoint, without its secret.")
    @APIResponse(responseCode = "200", description = "The webhook; its ETag is its version, for If-Match", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request, @Context SecurityContext security) {
        WebhookView row = service.get(id, Caller.of(security));
        return Tagged.ok(request, row, row.version());
    }

    @POST
    @Operation(summary = "Subscribe an endpoint", description = "Events of the given types that match the filter are"
            + " POSTed to url as CloudEvents 1.0 JSON, signed as the Standard Webhooks specification says"
            + " (webhook-id, webhook-timestamp, webhook-signature), at least once: a failed attempt is retried with"
            + " the same webhook-id, with growing waits over about three days. The answer carries the signing secret"
            + " in 'secret', this once.")
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the webhook; 'secret' signs its messages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedWebhook.class)))
    public RestResponse<CreatedWebhook> create(@NotNull @Valid WebhookInput input, UriInfo uri,
            @Context SecurityContext security) {
        CreatedWebhook created = service.create(input, Caller.of(security));
        return Responses.created(uri, created.webhook().id(), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a webhook", description = "Its address, types, filter and status (ACTIVE or PAUSED;"
            + " ACTIVE re-enables one the service disabled). Needs If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "The webhook, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Response replace(@PathParam("id") UUID id, @NotNull @Valid WebhookInput input, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        WebhookView row = service.replace(id, input, Caller.of(security), IfMatch.of(headers));
        return Tagged.ok(row, row.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a webhook", description = "JSON Merge Patch (RFC 7396), such as"
            + " {\"status\": \"PAUSED\"} to hold its events. Needs If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "The webhook, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Response patch(@PathParam("id") UUID id, JsonNode patch, @Context HttpHeaders headers,
            @Context SecurityContext security) throws JsonProcessingException {
        WebhookInput input = patches.apply(service.get(id, Caller.of(security)).toInput(), patch, WebhookInput.class);
        return replace(id, input, headers, security); // validated as a full replacement is
    }

    @DELETE
    @Produces(MediaType.WILDCARD)
    @Path("/{id}")
    @Operation(summary = "Delete a webhook", description = "Nothing more is sent to it; its delivery log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @Context HttpHeaders headers, @Context SecurityContext security) {
        service.delete(id, Caller.of(security), IfMatch.of(headers));
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @NeedsIfMatch
    @Operation(summary = "Rotate a webhook's secret", description = "A new secret, shown this once; messages are signed"
            + " with both the new and the old one until previousSecretUntil (tracker.webhook.secret-grace), so the"
            + " receiver can switch without missing one. Needs If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "The new secret and the webhook", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedWebhook.class)))
    public CreatedWebhook rotate(@PathParam("id") UUID id, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        return service.rotate(id, Caller.of(security), IfMatch.of(headers));
    }

    @POST
    @Path("/{id}/ping")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Ping a webhook", description = "Queues a webhook.ping event for this endpoint alone, to test"
            + " the receiver and its signature check; its delivery shows in the log.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public Response ping(@PathParam("id") UUID id, @Context SecurityContext security) {
        service.get(id, Caller.of(security));
        return Response.accepted(deliveries.ping(id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A webhook's delivery log", description = "Its deliveries, newest first, each with every"
            + " attempt: when, by which instance, the receiver's status, latency and the answer's first characters.")
    @APIResponse(responseCode = "200", description = "One page of deliveries", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class)))
    public DeliveryPage deliveries(@PathParam("id") UUID id,
            @Parameter(description = "Opaque cursor from the previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500", example = "50")
            @QueryParam("limit") @DefaultValue("" + PageParams.DEFAULT_LIMIT) @Min(1) @Max(PageParams.MAX_LIMIT) int limit,
            @Context SecurityContext security) {
        service.get(id, Caller.of(security));
        return deliveries.list(id, cursor, limit);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replay a delivery", description = "Sends its event again, as a new delivery with the same"
            + " webhook-id, such as after the receiver lost it.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public Response replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID delivery,
            @Context SecurityContext security) {
        service.get(id, Caller.of(security));
        return Response.accepted(deliveries.replay(id, delivery)).build();
    }
}
