package org.cqdrug.tracker.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * Sends hostile values to every operation and parameter of the committed contract (openapi/openapi.yaml) and to
 * every body, and fails on any 5xx or any error answer that is not problem+json.
 */
@Tag(Lanes.DATABASE)
@QuarkusTest
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class HostileInputTest {

    /** Values for path and query parameters, already percent-encoded where a URI needs it, and some that are not. */
    private static final List<String> HOSTILE = List.of(
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "<script>", "'%3B%20drop%20table%20cluster%3B--", "a%20b",
            "a b", "\"quoted\"", "%00", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "-1", "99999999999999999999999",
            "1e309", "NaN", "%E2%80%AE%D0%A1%CE%BF%E2%80%8B", "x".repeat(5000), "%", "%zz", "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f");

    private static final List<String> BODIES = List.of(
            "[".repeat(1000) + "]".repeat(1000),
            "{\"a\":".repeat(1000) + "1" + "}".repeat(1000),
            "{\"name\": \"\\u0000\\u0007\", \"code\": \"x\"}",
            "{\"annualMin\": 99999999999999999999999, \"fromYear\": -5}",
            "{\"code\": \"" + "y".repeat(100000) + "\"}",
            "{\"name\": \"Ｃｈｏｎｇｑｉｎｇ 重庆 Ｃ𝒽𝒾𝓃𝒶 \\u202E\"}",
            "null", "42", "\"text\"", "{", "");

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int sent;

    @Test
    void noOperationAnswersA5xxOrAnErrorThatIsNotAProblem() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi", "openapi.yaml").toFile())
                .get("paths");
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                List<String> queryNames = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        queryNames.add(p.path("name").asText());
                    }
                });
                for (String value : HOSTILE) {
                    String target = path.getKey().replaceAll("\\{[^}]+}", value);
                    send(method, target, null, failures);
                    for (String query : queryNames) {
                        send(method, path.getKey().replaceAll("\\{[^}]+}", "0190f3a4-1c2b-7d3e-8f40-5a6b7c8d9e0f")
                                + "?" + query + "=" + value, null, failures);
                    }
                }
                if (op.getValue().has("requestBody")) {
                    String target = path.getKey().replaceAll("\\{[^}]+}", TestData.newCluster());
                    for (String body : BODIES) {
                        send(method, target, body.getBytes(StandardCharsets.UTF_8), failures);
                    }
                    send(method, target, new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                            failures);
                }
            }
        }
        assertTrue(sent > 1000, "only " + sent + " requests were sent");
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the rules:\n" + String.join("\n", failures));
    }

    private void send(String method, String target, byte[] body, List<String> failures) throws InterruptedException {
        String raw = base.toString().replaceAll("/$", "") + target;
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            // Characters a URI may not hold (<, ", %zz, a space): a client library refuses to send them, so they go
            // out on a plain socket, as a hostile client would send them.
            sendRaw(method, target, body, failures);
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json"
                        : target.endsWith("/import") ? "text/csv" : "application/json")
                .header("If-Match", "\"0\"")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        sent++;
        try {
            HttpResponse<String> answer = sendOnce(request.build());
            int status = answer.statusCode();
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
                failures.add(method + " " + shorten(target) + (body == null ? "" : " body " + shorten(new String(body,
                        StandardCharsets.UTF_8))) + " -> " + status + " " + type);
            }
        } catch (IOException e) {
            failures.add(method + " " + shorten(target) + " -> " + e);
        }
    }

    /**
     * Sends the request line as it is. A target that no URI can hold (a space, <, ", a bad percent escape) is refused
     * by the HTTP layer with a bare 400 before the application sees it; the sweep accepts that, and only that, here.
     */
    private void sendRaw(String method, String target, byte[] body, List<String> failures) {
        sent++;
        byte[] payload = body == null ? new byte[0] : body;
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nIf-Match: \"0\"\r\nContent-Length: " + payload.length
                    + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(payload);
            socket.getOutputStream().flush();
            java.io.BufferedReader reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = reader.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String type = "";
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            if (status >= 500 || (status >= 400 && status != 400 && !type.startsWith("application/problem+json"))) {
                failures.add(method + " " + shorten(target) + " (raw) -> " + status + " " + type);
            }
        } catch (IOException | RuntimeException e) {
            failures.add(method + " " + shorten(target) + " (raw) -> " + e);
        }
    }

    /** A connection the service closed after a refusal is not reused: one retry on a fresh one. */
    private HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/api/v1/clusters", "/api/v1/clusters/not-an-id", "/q/health/live")) {
            var answer = given().get(path).then().extract();
            assertTrue("nosniff".equals(answer.header("X-Content-Type-Options")), path);
            assertTrue("no-referrer".equals(answer.header("Referrer-Policy")), path);
            assertTrue("DENY".equals(answer.header("X-Frame-Options")), path);
        }
        given().get("/api/v1/clusters").then().header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
