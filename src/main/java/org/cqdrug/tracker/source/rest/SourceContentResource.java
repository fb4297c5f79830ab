package org.cqdrug.tracker.source.rest;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.httpcache.NoStore;
import org.cqdrug.tracker.source.service.SourceService;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.web.TrackerApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A document's bytes: never kept in memory by the response cache, which is for the tracked data's answers. */
@TrackerApi
@NoStore
@Path("/api/v1/sources/{id}/content")
@Tag(name = "Sources")
public class SourceContentResource {

    private final SourceService service;

    public SourceContentResource(SourceService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "Download a source document as uploaded", description = "The file's bytes exactly as they"
            + " were uploaded, with their media type, as an attachment: never rendered, so a script in a saved page"
            + " never runs here.")
    @APIResponse(responseCode = "200", description = "The file, in the media type it was uploaded as", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response content(@PathParam("id") UUID id) {
        SourceService.Content content = service.content(id).orElseThrow(() -> ApiProblem.notFound("source document", id));
        return Response.ok(content.bytes(), content.mediaType())
                .header("Content-Disposition", "attachment; filename=\"source-" + id + "\"").build();
    }
}
