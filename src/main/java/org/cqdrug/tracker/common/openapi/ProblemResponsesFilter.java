package org.cqdrug.tracker.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cqdrug.tracker.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the problem answers of every operation in one place, following the same rules as the problem mapper:
 * 400 for operations with input, 404 for addressed rows, 409 for writes, 422 for bodies, 500 for all.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** Row schemas whose list endpoints answer pages; each gets a {@code <Name>Page} schema. */
    private static final List<String> PAGED = List.of("Cluster", "Organization", "Candidate", "Approval", "Target",
            "Collaboration");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (String row : PAGED) {
            openAPI.getComponents().addSchema(row + "Page", OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("One page of " + row.toLowerCase() + " rows; nextCursor is null on the last page")
                    .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref(row)))
                    .addProperty("nextCursor", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .addType(Schema.SchemaType.NULL)
                            .description("Pass as cursor to get the next page")));
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            boolean hasInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            boolean write = method != PathItem.HttpMethod.GET;
            if (!write && path.startsWith("/api/")) {
                documentConditionalGet(operation);
            }
            if (hasInput) {
                add(operation, "400", "Invalid input: malformed JSON, a wrong type, an unknown enum value or field, or a broken rule",
                        "urn:cqdrug:problem:validation", "Invalid request", "Field 'regionCode' must be an ISO 3166-2 code such as CN-CQ", path);
            }
            if (path.contains("{")) {
                add(operation, "404", "No row with this id", "urn:cqdrug:problem:not-found", "Not found",
                        "No record with id 0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f", path);
            }
            if (write) {
                add(operation, "409", "Clash with existing data: a unique value already taken, rows that still refer to this one, or a stale version",
                        "urn:cqdrug:problem:conflict", "Conflict with existing data", "A cluster with code 'liangjiang-new-area' already exists", path);
            }
            if (operation.getRequestBody() != null) {
                add(operation, "422", "The body refers to a row that does not exist, or breaks a business rule",
                        "urn:cqdrug:problem:invalid-reference", "Reference to a missing record",
                        "Field 'sponsorId' refers to no organization with id 0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f", path);
            }
            add(operation, "500", "Unexpected failure; the detail never carries internals", "urn:cqdrug:problem:internal",
                    "Internal error", "The server failed to handle the request", path);
        }));
    }

    /** Every GET under /api answers an ETag and honours If-None-Match (see ConditionalGet). */
    private static void documentConditionalGet(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("An ETag from an earlier answer; if it is still current the answer is 304 with no body")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .example("W/\"3f1c9a0b5d2e4f6a7b8c9d0e1f2a3b4c\""));
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", OASFactory.createHeader()
                    .description("Weak tag of this answer; changes when the data behind it changes")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            ok.addHeader("Cache-Control", OASFactory.createHeader().description("Always no-cache: revalidate with If-None-Match")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: the If-None-Match tag is still current; no body"));
    }

    private static void add(Operation operation, String status, String description, String type, String title,
            String detail, String path) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", Integer.parseInt(status));
        body.put("detail", detail);
        body.put("instance", path.replaceAll("\\{[^}]+}", "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f"));
        Example example = OASFactory.createExample().value(body);
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .addExample(title.toLowerCase().replace(' ', '-'), example)));
        operation.getResponses().addAPIResponse(status, response);
    }
}
