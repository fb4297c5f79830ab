package org.cqdrug.tracker.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every answer the tests receive to the committed contract, openapi/openapi.yaml: the operation's status code
 * must be documented, and a JSON or problem body must match the schema documented for it (OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, checked with networknt's validator). A mismatch fails the test that received the answer.
 */
public final class ContractCheck implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CONTRACT = read();
    private static final List<Route> ROUTES = routes();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private record Route(String template, Pattern pattern, JsonNode operations) {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        // Cross-origin requests are answered by the HTTP layer's CORS filter first (preflights, refused origins).
        boolean crossOrigin = request.getHeaders().hasHeaderWithName("Origin");
        if (path.startsWith("/api/") && !crossOrigin) {
            check(request.getMethod(), path, response);
        }
        return response;
    }

    private static void check(String method, String path, Response response) {
        int status = response.statusCode();
        Route route = ROUTES.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
        JsonNode operation = route == null ? null : route.operations().get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            // Routing answers for what the contract does not serve at all.
            if (status != 404 && status != 405) {
                throw new AssertionError(method + " " + path + " answered " + status + " but the contract has no such operation");
            }
            return;
        }
        JsonNode answer = resolve(operation.path("responses").get(Integer.toString(status)));
        if (answer == null) {
            throw new AssertionError(method + " " + route.template() + " answered " + status
                    + ", which the contract does not document for it");
        }
        String contentType = response.getContentType() == null ? "" : response.getContentType().split(";")[0].trim();
        if (status == 204 || status == 304 || contentType.isEmpty()) {
            return;
        }
        JsonNode documented = answer.path("content").get(contentType);
        if (documented == null) {
            throw new AssertionError(method + " " + route.template() + " answered " + status + " as " + contentType
                    + ", which the contract does not document for it");
        }
        if (!contentType.endsWith("json")) {
            // Spreadsheets: the type is documented; their cells are checked by the export tests.
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " answered a body that is not JSON", e);
        }
        String key = method + " " + route.template() + " " + status + " " + contentType;
        Set<ValidationMessage> errors = SCHEMAS.computeIfAbsent(key, k -> schema(documented.path("schema")))
                .validate(body);
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + status + " with a body the contract does not"
                    + " allow: " + errors + "\n" + body);
        }
    }

    /** A shared answer ({@code $ref: "#/components/responses/..."}) as the component it refers to. */
    private static JsonNode resolve(JsonNode answer) {
        return answer != null && answer.has("$ref") ? CONTRACT.at(answer.get("$ref").asText().substring(1)) : answer;
    }

    /** The documented schema, resolvable against the contract's components. */
    private static JsonSchema schema(JsonNode documented) {
        ObjectNode root = documented.deepCopy() instanceof ObjectNode copy ? copy : JSON.createObjectNode();
        root.set("components", CONTRACT.get("components"));
        return FACTORY.getSchema(root);
    }

    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = CONTRACT.get("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(path.getKey(), Pattern.compile(regex), path.getValue()));
        }
        // Literal segments win over parameters, as in the service's routing: /approvals/yearly before /approvals/{id}.
        routes.sort((a, b) -> Long.compare(b.template().chars().filter(c -> c == '{').count() == 0 ? 1 : 0,
                a.template().chars().filter(c -> c == '{').count() == 0 ? 1 : 0));
        return routes;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi", "openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
