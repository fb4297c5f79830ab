package org.cqdrug.tracker.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.spreadsheet.Table;
import org.cqdrug.tracker.idempotency.Idempotency;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.web.NeedsIfMatch;
import org.cqdrug.tracker.web.MergePatch;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.common.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import org.cqdrug.tracker.httpcache.NoStore;
import org.cqdrug.tracker.idempotency.NotReplayed;
import org.cqdrug.tracker.indicator.mapping.IndicatorTable;
import org.cqdrug.tracker.indicator.mapping.RegionalComparison;
import org.cqdrug.tracker.registry.ApiResource;
import org.cqdrug.tracker.web.TrackerApi;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.statistics.mapping.YearlyApprovals;
import org.cqdrug.tracker.statistics.mapping.YearlyApprovalsTable;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * What every operation shares, documented in one place from the code that does it: the problem answers (following
 * the problem mapper: 400 for operations with input, 404 for addressed rows, 409 for writes, 422 for bodies, 500 for
 * all), conditional GET, the page schemas, and each CSV answer's header row, read from the table that writes it.
 * Answers, parameters and headers that many operations share are components the operations refer to (see Shared).
 * It runs when the application is built, so the document is ready-made at start-up instead of costing half a second.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    /** The CSV tables of answers that are not pages, by the schema of their JSON form. */
    private static final Map<String, Table<?>> CSV_OF_REPORT = Map.of(
            schemaName(IndicatorReport.class), IndicatorTable.TABLE,
            schemaName(RegionalComparison.class), IndicatorTable.REGIONS,
            schemaName(YearlyApprovals.class), YearlyApprovalsTable.TABLE);

    private static final String REF_PREFIX = "#/components/schemas/";

    /** A path that addresses one row: it ends with the row's id. */
    private static final java.util.regex.Pattern SINGLE_ROW = java.util.regex.Pattern.compile(".*/\\{[^/}]+}");

    /**
     * The resource method behind an operation, read from its operation id: the scanner names operations
     * {@code package.Class_method} (mp.openapi.extensions.smallrye.operationIdStrategy), and the published id drops
     * the package again, or is the one an {@code x-operation-id} extension on the method keeps.
     */
    private record Endpoint(Class<?> resource, Method method) {

        private static final String KEPT_ID = "x-operation-id";

        static Endpoint of(Operation operation) {
            String id = operation.getOperationId();
            int split = id.lastIndexOf('_');
            Class<?> resource;
            try {
                resource = Class.forName(id.substring(0, split), false, ApiDocumentFilter.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("No resource class for operation " + id, e);
            }
            String name = id.substring(split + 1);
            Method method = Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No method for operation " + id));
            Object kept = operation.getExtensions() == null ? null : operation.getExtensions().get(KEPT_ID);
            operation.setOperationId(kept != null ? kept.toString() : resource.getSimpleName() + '_' + name);
            operation.removeExtension(KEPT_ID);
            return new Endpoint(resource, method);
        }

        boolean needsRole() {
            return method.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(RolesAllowed.class);
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Table<?>> csvBySchema = new LinkedHashMap<>(CSV_OF_REPORT);
        for (Class<? extends Record> view : ApiResource.pagedViews()) {
            String row = schemaName(view);
            openAPI.getComponents().addSchema(row + "Page", OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("One page of " + row.toLowerCase(Locale.ROOT) + " rows; nextCursor is null on the last page")
                    .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref(row)))
                    .addProperty("nextCursor", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .addType(Schema.SchemaType.NULL)
                            .description("Pass as cursor to get the next page")));
            csvBySchema.put(row + "Page", Table.of(view));
        }
        allowNullWhereAnyOfDoes(openAPI);
        // PATCH bodies are read as Jackson trees, which the scanner would otherwise publish as a schema.
        openAPI.getComponents().removeSchema("JsonNode");
        openAPI.getComponents().removeSchema("JsonNodeType");
        Shared shared = new Shared(openAPI.getComponents());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            boolean hasInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            boolean write = method != PathItem.HttpMethod.GET;
            Endpoint endpoint = Endpoint.of(operation);
            boolean api = endpoint.resource().isAnnotationPresent(TrackerApi.class);
            if (!write && api) {
                documentConditionalGet(shared, operation, SINGLE_ROW.matcher(path).matches(),
                        endpoint.resource().isAnnotationPresent(NoStore.class));
                documentCsvHeader(operation, csvBySchema);
            }
            if (method == PathItem.HttpMethod.POST && api && !endpoint.resource().isAnnotationPresent(NotReplayed.class)) {
                documentIdempotency(shared, operation);
            }
            if (method == PathItem.HttpMethod.PATCH) {
                documentMergePatch(operation);
            }
            if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                    || method == PathItem.HttpMethod.DELETE || endpoint.method().isAnnotationPresent(NeedsIfMatch.class)) {
                documentIfMatch(shared, operation);
            }
            if (api) {
                documentSecurity(shared, operation, endpoint.needsRole());
                shared.problem(operation, "429", "RateLimited",
                        "Too many requests for this API key or, without one, this address; see Retry-After",
                        ProblemType.RATE_LIMITED, "Too many requests with this API key; retry in 12 s", "/api/v1/clusters");
            }
            if (hasInput) {
                shared.problem(operation, "400", "InvalidInput",
                        "Invalid input: malformed JSON, a wrong type, an unknown enum value or field, or a broken rule",
                        ProblemType.VALIDATION, "Field 'regionCode' must be an ISO 3166-2 code such as CN-CQ",
                        "/api/v1/clusters");
            }
            if (path.contains("{")) {
                shared.problem(operation, "404", "NotFound", "No row with this id", ProblemType.NOT_FOUND,
                        "No record with id 0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f", "/api/v1/clusters/{id}");
            }
            if (api) {
                if (write) {
                    shared.problem(operation, "503", "DatabaseUnavailableOrBusy",
                            "The database cannot be reached (database-unavailable), the write collided with a"
                                    + " concurrent one or waited too long for a record another write holds (busy), or a"
                                    + " statement ran past the statement timeout (statement-timeout); nothing was"
                                    + " changed; retry after Retry-After",
                            ProblemType.DATABASE_UNAVAILABLE, "The database cannot be reached just now; retry shortly",
                            "/api/v1/clusters");
                } else {
                    shared.problem(operation, "503", "DatabaseUnavailable",
                            "The database cannot be reached (database-unavailable), or took longer than its"
                                    + " statement timeout over the request (statement-timeout); retry after Retry-After",
                            ProblemType.DATABASE_UNAVAILABLE, "The database cannot be reached just now; retry shortly",
                            "/api/v1/clusters");
                }
            }
            if (write) {
                shared.problem(operation, "409", "Conflict",
                        "Clash with existing data: a unique value already taken, or rows that still refer to this one",
                        ProblemType.CONFLICT, "A cluster with code 'liangjiang-new-area' already exists",
                        "/api/v1/clusters");
            }
            if (operation.getRequestBody() != null) {
                shared.problem(operation, "413", "ContentTooLarge",
                        "The body is over the operation's size limit (BodyLimits; a file upload has its own)",
                        ProblemType.CONTENT_TOO_LARGE,
                        "The body of 11534336 bytes is over this endpoint's limit of 10485760 bytes", "/api/v1/clusters");
                shared.problem(operation, "415", "UnsupportedMediaType",
                        "The body's media type is not one this operation reads", ProblemType.HTTP,
                        "This media type is not accepted here; send application/json", "/api/v1/clusters");
            }
            if (api) {
                shared.problem(operation, "406", "NotAcceptable", "None of the media types in Accept can be answered",
                        ProblemType.HTTP, "None of the media types in Accept can be served here", "/api/v1/clusters");
            }
            if (operation.getRequestBody() != null) {
                shared.problem(operation, "422", "InvalidReference",
                        "The body refers to a row that does not exist, or breaks a business rule",
                        ProblemType.INVALID_REFERENCE,
                        "Field 'sponsorId' refers to no organization with id 0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f",
                        "/api/v1/candidates");
            }
            shared.problem(operation, "500", "InternalError", "Unexpected failure; the detail never carries internals",
                    ProblemType.INTERNAL, "The server failed to handle the request", "/api/v1/clusters");
        }));
        shared.sort();
    }

    /**
     * Operations that need a role require the bearer scheme and may answer 401 and 403, which names the role (read
     * from the requirement the scanner derived from {@code @RolesAllowed}); reads accept a key, so that Swagger UI
     * sends it once authorized, and answer 401 for a bad one.
     */
    private static void documentSecurity(Shared shared, Operation operation, boolean needsRole) {
        List<String> roles = operation.getSecurity() == null ? List.of() : operation.getSecurity().stream()
                .map(requirement -> requirement.getScheme(ApiDocumentation.API_KEY))
                .filter(scopes -> scopes != null && !scopes.isEmpty()).findFirst()
                .map(scopes -> scopes.stream().sorted().toList()).orElse(List.of());
        SecurityRequirement withKey = OASFactory.createSecurityRequirement().addScheme(ApiDocumentation.API_KEY);
        if (needsRole) {
            operation.setSecurity(new ArrayList<>(List.of(withKey)));
            // One answer per set of roles, named after it: ForbiddenAdmin, ForbiddenEditor, ForbiddenAdminEditor.
            String name = "Forbidden" + roles.stream().map(ApiDocumentFilter::pascalCase).collect(Collectors.joining());
            shared.problem(operation, "403", name, "The key's role does not allow this request"
                            + (roles.isEmpty() ? "" : "; it needs " + String.join(" or ", roles)),
                    ProblemType.FORBIDDEN, "The API key's role does not allow this request", "/api/v1/approvals");
            shared.problem(operation, "401", "Unauthorized", "No API key, or an unknown, revoked or expired one",
                    ProblemType.UNAUTHORIZED, "This request needs an API key: send 'Authorization: Bearer <key>'",
                    "/api/v1/approvals");
        } else {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement(), withKey)));
            shared.problem(operation, "401", "InvalidApiKey", "An unknown, revoked or expired API key (reads need none)",
                    ProblemType.UNAUTHORIZED, "This request needs an API key: send 'Authorization: Bearer <key>'",
                    "/api/v1/approvals");
        }
    }

    /** EDITOR as Editor, SOME_ROLE as SomeRole: a role as part of a component's name. */
    private static String pascalCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static String schemaName(Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema schema =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return schema == null || schema.name().isEmpty() ? type.getSimpleName() : schema.name();
    }

    /** A merge patch is any JSON object naming fields of the row (see MergePatch), not a schema of its own. */
    private static void documentMergePatch(Operation operation) {
        operation.getRequestBody().getContent().addMediaType(MergePatch.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("The fields to change, as in the full update's body; null clears a field")));
    }

    /** Every POST takes an optional Idempotency-Key (see Idempotency). */
    private static void documentIdempotency(Shared shared, Operation operation) {
        shared.parameter(operation, "IdempotencyKey", () -> OASFactory.createParameter().name(Idempotency.HEADER)
                .in(Parameter.In.HEADER)
                .description("Any unique string, such as a UUID: a retry with the same key and body answers the first"
                        + " answer (marked Idempotent-Replayed: true) and writes nothing new, even after a crash of"
                        + " the service, since the answer is stored with the write; kept 24 hours")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255))
                .example("5f0c2b9e-8d3a-4c61-9a57-2e4b1d0c7f33"));
    }

    /** Every change of a row needs the row's ETag in If-Match (see IfMatch). */
    private static void documentIfMatch(Shared shared, Operation operation) {
        shared.parameter(operation, "IfMatch", () -> OASFactory.createParameter().name(IfMatch.HEADER)
                .in(Parameter.In.HEADER).required(true)
                .description("The ETag of the row as read (GET it first); * stands for whatever is current")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example("\"3\""));
        shared.problem(operation, "412", "StaleVersion",
                "The If-Match tag (or the body's version) is not the row's current one; nothing was written",
                ProblemType.STALE_VERSION, "The cluster 0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f is at version 4 (ETag \"4\")"
                        + " but If-Match named \"3\"; read it again and retry", "/api/v1/clusters/{id}");
        shared.problem(operation, "428", "PreconditionRequired",
                "No If-Match: changes must name the version they are based on",
                ProblemType.PRECONDITION_REQUIRED, "Changing a cluster needs If-Match with the ETag you read",
                "/api/v1/clusters/{id}");
    }

    /**
     * Every GET of a TrackerApi resource answers an ETag and honours If-None-Match (see EntityTags); a single row's tag is
     * strong, its version, the one a change sends back in If-Match. API keys (NoStore) answer no-store, and only a
     * single key carries a tag, its version.
     */
    private static void documentConditionalGet(Shared shared, Operation operation, boolean singleRow, boolean noStore) {
        boolean tagged = singleRow || !noStore;
        if (tagged) {
            shared.parameter(operation, singleRow ? "IfNoneMatchStrong" : "IfNoneMatchWeak",
                    () -> OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                            .description("An ETag from an earlier answer; if it is still current the answer is 304 with"
                                    + " no body")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                            .example(singleRow ? "\"3\"" : "W/\"3f1c9a0b5d2e4f6a7b8c9d0e1f2a3b4c\""));
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            if (tagged) {
                shared.header(ok, "ETag", singleRow ? "ETagStrong" : "ETagWeak", () -> OASFactory.createHeader()
                        .description(singleRow ? "Strong tag of the row: its version; send it in If-Match to change the row"
                                : "Weak tag of this answer; changes when the data behind it changes")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            shared.header(ok, "Cache-Control", noStore ? "CacheControlNoStore" : "CacheControlNoCache",
                    () -> OASFactory.createHeader()
                            .description(noStore ? "Always no-store: API keys are not to be kept by caches"
                                    : "Always no-cache: revalidate with If-None-Match")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (tagged) {
            shared.response(operation, "304", "NotModified", () -> OASFactory.createAPIResponse()
                    .description("Not modified: the If-None-Match tag is still current; no body"));
        }
    }

    /** A CSV answer's example is its header row, as the table that writes the answer names its columns. */
    /**
     * A nullable reference is published as anyOf [the schema, null]; the scanner sometimes leaves the property's own
     * type without null beside it (it did for one of three identical ones), which would refuse the null it allows.
     */
    private static void allowNullWhereAnyOfDoes(OpenAPI openAPI) {
        openAPI.getComponents().getSchemas().values().stream()
                .filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> schema.getProperties().values().stream())
                .filter(property -> property.getAnyOf() != null && property.getType() != null
                        && !property.getType().contains(Schema.SchemaType.NULL)
                        && property.getAnyOf().stream().anyMatch(option -> option.getType() != null
                                && option.getType().contains(Schema.SchemaType.NULL)))
                .forEach(property -> property.addType(Schema.SchemaType.NULL));
    }

    private static void documentCsvHeader(Operation operation, Map<String, Table<?>> csvBySchema) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null) {
            return;
        }
        MediaType csv = ok.getContent().getMediaType(Format.CSV_TYPE);
        MediaType json = ok.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (csv == null || json == null || json.getSchema() == null || json.getSchema().getRef() == null) {
            return;
        }
        Table<?> table = csvBySchema.get(json.getSchema().getRef().substring(REF_PREFIX.length()));
        if (table == null) {
            throw new IllegalStateException("No CSV table is known for " + json.getSchema().getRef());
        }
        csv.setExample(String.join(",", table.headers()));
    }

    /** A problem answer, its example titled as the problem mapper titles it, about the (representative) path. */
    private static APIResponse problem(String status, String description, ProblemType type, String detail, String path) {
        // Answers of the HTTP layer (about:blank) are titled by their status, as the problem mapper titles them.
        String title = type.title != null ? type.title
                : jakarta.ws.rs.core.Response.Status.fromStatusCode(Integer.parseInt(status)).getReasonPhrase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri.toString());
        body.put("title", title);
        body.put("status", Integer.parseInt(status));
        body.put("detail", detail);
        body.put("instance", path.replaceAll("\\{[^}]+}", "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f"));
        Example example = OASFactory.createExample().value(body);
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .addExample(title.toLowerCase(Locale.ROOT).replace(' ', '-'), example)));
    }

    /**
     * What many operations share (answers, parameters, response headers) is said once, in components, and referred
     * to by name: each is built the first time an operation needs it, so a name is given to one variant only (the
     * names say the variant: DatabaseUnavailableOrBusy for writes, ForbiddenEditor, IfNoneMatchStrong for a row).
     */
    private static final class Shared {

        private final Components components;

        Shared(Components components) {
            this.components = components;
        }

        /** Answers {@code status} with the shared answer {@code name}, unless the operation documents a body of its own. */
        void response(Operation operation, String status, String name, Supplier<APIResponse> answer) {
            APIResponse existing = operation.getResponses().getAPIResponse(status);
            if (existing != null && existing.getContent() != null) {
                return;
            }
            if (components.getResponses() == null || !components.getResponses().containsKey(name)) {
                components.addResponse(name, answer.get());
            }
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
        }

        /** Answers {@code status} with the shared problem answer {@code name}; see {@link ApiDocumentFilter#problem}. */
        void problem(Operation operation, String status, String name, String description, ProblemType type,
                String detail, String path) {
            response(operation, status, name, () -> ApiDocumentFilter.problem(status, description, type, detail, path));
        }

        void parameter(Operation operation, String name, Supplier<Parameter> parameter) {
            if (components.getParameters() == null || !components.getParameters().containsKey(name)) {
                components.addParameter(name, parameter.get());
            }
            operation.addParameter(OASFactory.createParameter().ref(name));
        }

        void header(APIResponse response, String header, String name, Supplier<Header> definition) {
            if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
                components.addHeader(name, definition.get());
            }
            response.addHeader(header, OASFactory.createHeader().ref(name));
        }

        /** Lists the shared components by name, whichever operation needed each first. */
        void sort() {
            if (components.getResponses() != null) {
                components.setResponses(new TreeMap<>(components.getResponses()));
            }
            if (components.getParameters() != null) {
                components.setParameters(new TreeMap<>(components.getParameters()));
            }
            if (components.getHeaders() != null) {
                components.setHeaders(new TreeMap<>(components.getHeaders()));
            }
        }
    }
}
