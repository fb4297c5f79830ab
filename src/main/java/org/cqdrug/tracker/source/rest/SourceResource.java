package org.cqdrug.tracker.source.rest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.cqdrug.tracker.access.Roles;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.WebAddresses;
import org.cqdrug.tracker.source.SourceKind;
import org.cqdrug.tracker.source.config.SourceConfig;
import org.cqdrug.tracker.source.mapping.ChangeFilter;
import org.cqdrug.tracker.source.mapping.Changeset;
import org.cqdrug.tracker.source.mapping.Freshness;
import org.cqdrug.tracker.source.mapping.SourceDocumentView;
import org.cqdrug.tracker.source.mapping.SourceFilter;
import org.cqdrug.tracker.source.service.SourceService;
import org.cqdrug.tracker.spreadsheet.Download;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.spreadsheet.Table;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.web.NeedsIfMatch;
import org.cqdrug.tracker.web.OwnBodyLimit;
import org.cqdrug.tracker.web.Tagged;
import org.cqdrug.tracker.web.TrackerApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@TrackerApi
@Path("/api/v1/sources")
@Tag(name = "Sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService service;
    private final SourceConfig config;
    private final SecurityIdentity identity;

    public SourceResource(SourceService service, SourceConfig config, SecurityIdentity identity) {
        this.service = service;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @OwnBodyLimit
    @Consumes({MediaType.TEXT_HTML, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "Upload a saved official list", description = "Takes a list as a person saved it from the"
            + " regulator's site: an HTML page as the browser saves it (its declared charset, UTF-8 or GBK/GB18030, is"
            + " read), a CSV export, or an xlsx workbook. The file is kept as it is with its SHA-256, size, media type,"
            + " address, retrieval time and uploader. Its table is found by its header labels; each row is matched to"
            + " the record and becomes one proposed change (GET .../changes); nothing in the record changes until the"
            + " changeset is applied. The same bytes again answer 200 with the document stored before. A missing"
            + " required column, a page without the table, an empty or unreadable file answer 422; a file over the"
            + " size limit or a workbook that inflates too far answers 413.")
    @APIResponse(responseCode = "201", description = "Stored, with its changeset proposed; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceDocumentView.class)))
    @APIResponse(responseCode = "200", description = "The same bytes were uploaded before: that document, unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceDocumentView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response upload(
            @Parameter(description = "Which list the file is", required = true) @QueryParam("kind") @NotNull SourceKind kind,
            @Parameter(description = "The address it was saved from", required = true, example = "https://www.nmpa.gov.cn/zwfw/sdxx/sdxxyp/")
            @QueryParam("url") @NotNull @Size(max = WebAddresses.MAX_LENGTH)
            @Pattern(regexp = WebAddresses.PATTERN, message = WebAddresses.MESSAGE) String url,
            @Parameter(description = "When it was saved from there (ISO 8601 instant)", required = true, example = "2026-11-27T02:00:00Z")
            @QueryParam("retrievedAt") @NotNull Instant retrievedAt,
            @Context HttpHeaders headers, @Context UriInfo uri,
            @RequestBody(description = "The saved file, as it is", content = {
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
            InputStream body) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBytes() + 1));
        if (bytes.length > config.maxBytes()) {
            throw ApiProblem.tooLarge("The file is over the limit of " + config.maxBytes() + " bytes");
        }
        SourceService.Upload upload = service.upload(kind, url, retrievedAt, headers.getMediaType().toString(), bytes,
                identity.getPrincipal().getName());
        SourceDocumentView document = upload.document();
        Response.ResponseBuilder answer = upload.created()
                ? Response.created(uri.getAbsolutePathBuilder().replaceQuery(null).path(document.id().toString()).build())
                : Response.ok();
        return answer.entity(document).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, IfMatch.tag(document.version())).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "List source documents", description = "Uploaded lists matching every filter given, one page"
            + " at a time as JSON, or all of them as CSV or xlsx. Sortable fields: retrievedAt, kind, createdAt,"
            + " updatedAt.")
    @APIResponse(responseCode = "200", description = "One page of documents, or all of them as CSV or xlsx", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SourceDocumentPage")),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response list(@Valid @BeanParam SourceFilter filter, @Valid @BeanParam PageParams page,
            @BeanParam Download download) {
        return download.answer(Table.of(SourceDocumentView.class), "sources", service.export(filter, page.sort))
                .orElseGet(() -> Response.ok(service.list(filter, page), MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/freshness")
    @Operation(summary = "How current each list is", description = "For each kind of list, its latest document by"
            + " retrieval time and how many days ago it was saved, so a reader knows how current the counts are.")
    @APIResponse(responseCode = "200", description = "One entry per kind, in a fixed order")
    public List<Freshness> freshness() {
        return service.freshness();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a source document", description = "One document by its id; its ETag is what applying"
            + " its changeset needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceDocumentView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        return service.find(id).map(row -> Tagged.ok(request, row, row.version()))
                .orElseThrow(() -> ApiProblem.notFound("source document", id));
    }

    @GET
    @Path("/{id}/changes")
    @Operation(summary = "The changeset a document proposes", description = "Its proposed changes in line order, one"
            + " page at a time, with the count of each action in the whole changeset: what each row would write"
            + " (values before and after), what it leaves unchanged, what needs review and why, and the rows left out"
            + " as not innovative (generics, supplements, re-registrations, classes other than 1).")
    @APIResponse(responseCode = "200", description = "One page of changes")
    public Changeset changes(@PathParam("id") UUID id, @Valid @BeanParam ChangeFilter filter) {
        return service.changes(id, filter).orElseThrow(() -> ApiProblem.notFound("source document", id));
    }

    @POST
    @Idempotent
    @Path("/{id}/propose")
    @Operation(summary = "Propose the changeset again", description = "Matches the document's rows against the record as"
            + " it is now, replacing the changeset: after rows needing review were resolved (a sponsor or candidate"
            + " recorded), or when applying answered that the record had moved. The document gets a new ETag.")
    @APIResponse(responseCode = "200", description = "Proposed again; read its changes before applying", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceDocumentView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response repropose(@PathParam("id") UUID id) {
        SourceDocumentView document = service.repropose(id).orElseThrow(() -> ApiProblem.notFound("source document", id));
        return Tagged.ok(document, document.version());
    }

    @POST
    @Idempotent
    @Path("/{id}/apply")
    @Operation(summary = "Apply a reviewed changeset", description = "Writes every change of the changeset in one"
            + " transaction, or none: candidates, sponsors, milestones, approvals, designations, acceptance numbers,"
            + " each citing the document (sourceDocumentId) and CONFIRMED; rows needing review, unchanged and not"
            + " innovative ones are skipped. Needs If-Match with the document's ETag (428 without, 412 when stale)."
            + " When the record changed since the changeset was proposed, nothing is written and it answers 409:"
            + " propose it again and review it. A document is applied once.")
    @APIResponse(responseCode = "200", description = "Applied", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SourceDocumentView.class)))
    @RolesAllowed(Roles.EDITOR)
    @NeedsIfMatch
    public Response apply(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        SourceDocumentView document = service.apply(id, IfMatch.of(headers), identity.getPrincipal().getName())
                .orElseThrow(() -> ApiProblem.notFound("source document", id));
        return Tagged.ok(document, document.version());
    }
}
