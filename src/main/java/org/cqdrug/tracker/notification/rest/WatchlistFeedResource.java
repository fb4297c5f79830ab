package org.cqdrug.tracker.notification.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.common.Language;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.feed.AtomFeed;
import org.cqdrug.tracker.feed.FeedParams;
import org.cqdrug.tracker.notification.mapping.EventFilter;
import org.cqdrug.tracker.notification.mapping.EventPage;
import org.cqdrug.tracker.notification.service.Events;
import org.cqdrug.tracker.notification.service.WatchlistService;
import org.cqdrug.tracker.web.TrackerApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A watchlist's feed: the same for every reader, so kept and tagged like the data, unlike the watchlists themselves,
 * which each key sees its own of.
 */
@TrackerApi
@Path("/api/v1/watchlists/{id}/events")
@Tag(name = "Watchlists")
@Produces({MediaType.APPLICATION_JSON, AtomFeed.MEDIA_TYPE})
public class WatchlistFeedResource {

    private final WatchlistService service;
    private final Events events;

    public WatchlistFeedResource(WatchlistService service, Events events) {
        this.service = service;
        this.events = events;
    }

    @GET
    @Operation(summary = "A watchlist's events", description = "The events its filter matches, newest first: the feed"
            + " a feed reader follows (format=atom or Accept: application/atom+xml), readable by whoever may read the"
            + " data; conditional GET with If-None-Match answers 304 while nothing changed.")
    @APIResponse(responseCode = "200", description = "One page of the watchlist's events", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
            @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response events(@PathParam("id") UUID id,
            @Parameter(description = "Opaque cursor from the previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500", example = "50")
            @QueryParam("limit") @DefaultValue("" + PageParams.DEFAULT_LIMIT) @Min(1) @Max(PageParams.MAX_LIMIT) int limit,
            @BeanParam FeedParams feed, @Context UriInfo uri) {
        EventFilter filter = service.filter(id);
        EventPage page = events.page(filter, "events of watchlist " + id, cursor, limit);
        if (!feed.atom()) {
            return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Language language = feed.language();
        String title = (language == Language.ZH ? "重庆创新药追踪：" : "Chongqing innovative-drug tracker: ")
                + service.name(id);
        return Response.ok(Events.atom("urn:cqdrug:watchlist:" + id, title, uri.getRequestUri().toString(), AtomFeed.next(uri, page.nextCursor()),
                AtomFeed.base(uri), language, page.items()), AtomFeed.MEDIA_TYPE).build();
    }
}
