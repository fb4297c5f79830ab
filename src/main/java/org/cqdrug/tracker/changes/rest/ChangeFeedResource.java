package org.cqdrug.tracker.changes.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cqdrug.tracker.changes.service.ChangeFeed;
import org.cqdrug.tracker.feed.AtomFeed;
import org.cqdrug.tracker.feed.FeedParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.cqdrug.tracker.changes.mapping.ChangePage;
import org.cqdrug.tracker.common.paging.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.cqdrug.tracker.web.TrackerApi;

@TrackerApi
@Path("/api/v1/changes")
@Tag(name = "Changes")
@Produces({MediaType.APPLICATION_JSON, AtomFeed.MEDIA_TYPE})
public class ChangeFeedResource {

    private final ChangeFeed feed;

    public ChangeFeedResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Operation(summary = "Change feed", description = "Every change of clusters, organizations, candidates, milestones,"
            + " approvals, targets and collaborations after a revision, in commit order, one page at a time: to"
            + " mirror the data, read everything once, then poll with since set to the last latestRevision and follow"
            + " nextCursor to the end. A revision appears only when every lower one is settled, so a poller skips"
            + " nothing.")
    @APIResponse(responseCode = "200", description = "The changes after since; as Atom (format=atom or Accept:"
            + " application/atom+xml), the newest limit changes after since, newest first, for a feed reader", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)),
            @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response changes(
            @Parameter(description = "Only changes after this revision; 0 for all", example = "42")
            @QueryParam("since") @DefaultValue("0") @Min(0) long since,
            @Parameter(description = "Only changes of these resources, by the names changes carry (approvals,"
                    + " candidates, published-counts, …), comma-separated; all when left out",
                    example = "approvals,published-counts") @QueryParam("resource") @Size(max = 500) String resource,
            @Parameter(description = "Opaque cursor from the previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500", example = "100")
            @QueryParam("limit") @DefaultValue("" + PageParams.DEFAULT_LIMIT) @Min(1) @Max(PageParams.MAX_LIMIT) int limit,
            @BeanParam FeedParams params, @Context UriInfo uri) {
        if (!params.atom()) {
            return Response.ok(feed.after(resource, since, cursor, limit), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(ChangeFeed.atom(uri.getRequestUri().toString(), AtomFeed.base(uri),
                params.language(), feed.newest(resource, since, limit)),
                AtomFeed.MEDIA_TYPE).build();
    }
}
