package org.cqdrug.tracker.notification.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.common.Language;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.feed.AtomFeed;
import org.cqdrug.tracker.feed.FeedParams;
import org.cqdrug.tracker.notification.mapping.EventFilter;
import org.cqdrug.tracker.notification.mapping.EventPage;
import org.cqdrug.tracker.notification.service.Events;
import org.cqdrug.tracker.web.TrackerApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@TrackerApi
@Path("/api/v1/events")
@Tag(name = "Events")
@Produces({MediaType.APPLICATION_JSON, AtomFeed.MEDIA_TYPE})
public class EventResource {

    private final Events events;

    public EventResource(Events events) {
        this.events = events;
    }

    @GET
    @Operation(summary = "List events", description = "What happened, newest first: approvals and candidates recorded,"
            + " changed or deleted, candidates changing phase, targets changing status or outlook, published counts,"
            + " official lists applied. The same events webhooks are sent. As JSON, or as an Atom feed for a feed"
            + " reader (Accept: application/atom+xml or format=atom), its titles in the reader's language (lang or"
            + " Accept-Language).")
    @APIResponse(responseCode = "200", description = "One page of events", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
            @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response list(
            @Parameter(description = "Only these event types, comma-separated", example = "approval.created,target.outlook_changed")
            @QueryParam("type") @Size(max = 500) String type,
            @Parameter(description = "Only events of records whose sponsor is in this region, and of targets of it", example = "CN-CQ")
            @QueryParam("regionCode") @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE) String regionCode,
            @Parameter(description = "Only this target's events and the record events in its scope") @QueryParam("targetId") UUID targetId,
            @Parameter(description = "Only events of this cluster's records") @QueryParam("clusterId") UUID clusterId,
            @Parameter(description = "Only events of this candidate and its approvals") @QueryParam("candidateId") UUID candidateId,
            @Parameter(description = "Opaque cursor from the previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500", example = "50")
            @QueryParam("limit") @DefaultValue("" + PageParams.DEFAULT_LIMIT) @Min(1) @Max(PageParams.MAX_LIMIT) int limit,
            @BeanParam FeedParams feed, @Context UriInfo uri) {
        EventFilter filter = new EventFilter(types(type), regionCode, targetId, clusterId, candidateId);
        EventPage page = events.page(filter, "events of this filter", cursor, limit);
        if (!feed.atom()) {
            return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Language language = feed.language();
        String title = language == Language.ZH ? "重庆创新药追踪：事件" : "Chongqing innovative-drug tracker: events";
        return Response.ok(Events.atom(uri.getRequestUri().toString(), title, uri.getRequestUri().toString(), AtomFeed.next(uri, page.nextCursor()),
                AtomFeed.base(uri), language, page.items()), AtomFeed.MEDIA_TYPE).build();
    }

    static List<String> types(String type) {
        return type == null || type.isBlank() ? List.of()
                : Arrays.stream(type.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
