package org.cqdrug.tracker.production;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * Debian's Prometheus (2.42) scraping the packaged service with docker/prometheus/prometheus.yml, its target and
 * intervals changed for the test: every query of the Grafana dashboard (docker/grafana/dashboards/tracker.json, its
 * variables resolved as Grafana would) answers at least one series, and every alerting rule of alerts.yml evaluates
 * without error, none of them active on the healthy service but the forecast's: the target this test creates has no
 * pipeline, so it is off track. Prometheus's output goes to target/prometheus-it.log.
 */
@Tag(Lanes.PACKAGED)
@QuarkusIntegrationTest
@WithTestResource(ItDatabase.class)
class PrometheusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path CONFIG = ROOT.resolve("docker/prometheus/prometheus.yml");
    private static final Path DASHBOARD = ROOT.resolve("docker/grafana/dashboards/tracker.json");
    private static final String ADMIN = "Bearer " + PackagedAppIT.ADMIN_KEY;
    private static final Duration WITHIN = Duration.ofSeconds(60);
    /** The alert expected on the healthy service: a target without pipeline has no chance of its minimum. */
    private static final String EXPECTED_ALERT = "TrackerTargetOffTrack";
    /** Grafana's own variables, with values that make sense for the test's one-second scrapes. */
    private static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "__rate_interval", "1m", "__interval", "15s", "__interval_ms", "15000",
            "__range", "5m", "__range_s", "300", "__range_ms", "300000");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapesTheJarAnswersEveryDashboardQueryAndEvaluatesTheAlertRules() throws Exception {
        int appPort = RestAssured.port;
        assertTrue(appPort > 0, "REST Assured has no port for the packaged service");
        // Rows and traffic first, so that the first scrape has a target's gauges and request metrics, a 404 among them.
        String target = "prometheus-it-" + System.nanoTime();
        int year = Year.now().getValue();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", target, "name", "Prometheus target " + target, "regionCode", "CN-CQ",
                        "metric", "CLASS1_APPROVALS", "fromYear", year - 1, "toYear", year + 1,
                        "annualMin", 1, "annualMax", 3))
                .post("/api/v1/targets").then().statusCode(201);
        given().get("/api/v1/targets").then().statusCode(200);
        given().get("/api/v1/clusters").then().statusCode(200);
        given().get("/api/v1/indicators").then().statusCode(200);
        given().get("/api/v1/no-such-collection").then().statusCode(404);

        Path work = Files.createTempDirectory("prometheus-it");
        int port = PackagedInstance.freePort();
        String base = "http://127.0.0.1:" + port;
        Process prometheus = new ProcessBuilder(PromtoolTest.executable("prometheus"),
                "--config.file=" + writeConfig(work, appPort), "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(ROOT.resolve("target/prometheus-it.log").toFile()).start();
        try {
            Instant scraped = awaitScrapes(prometheus, base, "localhost:" + appPort);
            evaluateTheDashboardsQueries(base, target);
            // The gauges the readiness rules read exist and say "ready": a rule over a missing series never fires.
            for (String gauge : List.of("tracker_ready", "tracker_database_up")) {
                JsonNode series = query(base, gauge);
                assertEquals(1, series.size(), gauge + ": " + series);
                assertEquals(1.0, series.get(0).at("/value/1").asDouble(), gauge);
            }
            checkTheRules(prometheus, base, scraped, target);
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            deleteQuietly(work);
        }
    }

    /**
     * docker/prometheus/prometheus.yml with the service at localhost:&lt;port&gt; rather than compose's api:8080,
     * one-second scrapes and evaluations, and its rule files by their absolute paths.
     */
    private static Path writeConfig(Path work, int appPort) throws IOException {
        ObjectNode config = (ObjectNode) YAML.readTree(CONFIG.toFile());
        ObjectNode global = (ObjectNode) config.path("global");
        global.put("scrape_interval", "1s");
        global.put("scrape_timeout", "1s");
        global.put("evaluation_interval", "1s");
        JsonNode ruleFiles = config.path("rule_files");
        assertFalse(ruleFiles.isEmpty(), "prometheus.yml names no rule file");
        ArrayNode absolute = config.putArray("rule_files");
        ruleFiles.forEach(file -> absolute.add(CONFIG.getParent().resolve(file.asText()).toString()));
        JsonNode scrapes = config.path("scrape_configs");
        assertEquals(1, scrapes.size(), "one scrape job, the service's");
        ArrayNode targets = (ArrayNode) scrapes.get(0).at("/static_configs/0/targets");
        assertEquals(1, targets.size(), "one target, compose's service: " + targets);
        targets.removeAll().add("localhost:" + appPort);
        Path file = work.resolve("prometheus.yml");
        YAML.writeValue(file.toFile(), config);
        return file;
    }

    /** Waits until Prometheus has scraped the service successfully three times, and answers when. */
    private Instant awaitScrapes(Process prometheus, String base, String instance) {
        Awaitility.await("Prometheus scraping " + instance + " three times (target/prometheus-it.log)")
                .atMost(WITHIN).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertTrue(prometheus.isAlive(), "Prometheus stopped: see target/prometheus-it.log");
                    JsonNode active = api(base, "/api/v1/targets?state=active").at("/data/activeTargets");
                    boolean up = false;
                    for (JsonNode target : active) {
                        up |= instance.equals(target.at("/labels/instance").asText())
                                && "up".equals(target.path("health").asText());
                    }
                    JsonNode samples = query(base, "count_over_time(up{instance=\"" + instance + "\"}[5m])");
                    return up && samples.size() == 1 && samples.get(0).at("/value/1").asDouble() >= 3;
                });
        return Instant.now();
    }

    /** Every expr of every panel, its variables resolved from Prometheus as Grafana's would be. */
    private void evaluateTheDashboardsQueries(String base, String target) throws IOException, InterruptedException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (JsonNode variable : dashboard.at("/templating/list")) {
            String name = variable.path("name").asText();
            JsonNode query = variable.path("query");
            String definition = query.isTextual() ? query.asText()
                    : query.path("query").isTextual() ? query.path("query").asText() : variable.path("definition").asText();
            Matcher labelValues = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)").matcher(definition.trim());
            assertTrue(labelValues.matches(), "variable " + name + ": only label_values(selector, label) is understood: "
                    + definition);
            // A variable's query may name the variables before it; those have one value by then.
            String selector = substitute(labelValues.group(1), firstOfEach(values));
            String label = labelValues.group(2);
            TreeSet<String> found = new TreeSet<>();
            for (JsonNode series : query(base, "count by (" + label + ") (" + selector + ")")) {
                found.add(series.at("/metric/" + label).asText());
            }
            assertFalse(found.isEmpty(), "variable " + name + " has no value: " + definition);
            if (name.equals("target")) {
                assertTrue(found.contains(target), "the variable target does not offer " + target + ": " + found);
                values.put(name, List.of(target));
            } else {
                values.put(name, List.copyOf(found));
            }
        }

        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        assertFalse(expressions.isEmpty(), "the dashboard has no query");
        List<String> failures = new ArrayList<>();
        int evaluated = 0;
        for (String expr : expressions) {
            for (Map<String, String> combination : combinations(expr, values)) {
                String promql = substitute(expr, combination);
                JsonNode answer = api(base, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
                int series = answer.at("/data/result").size();
                System.out.printf("PrometheusIT: %d series: %s%n", series, promql);
                evaluated++;
                if (!"success".equals(answer.path("status").asText())) {
                    failures.add(promql + " failed: " + answer.path("error").asText());
                } else if (series == 0) {
                    failures.add(promql + " answered no series");
                }
            }
        }
        assertEquals(List.of(), failures, "dashboard queries that fail or answer nothing (of " + evaluated + ")");
    }

    /**
     * The rules prometheus.yml loads, each evaluated after the scrapes without error; none active on the healthy
     * service but the forecast's alert, which is pending for the target this test created.
     */
    private void checkTheRules(Process prometheus, String base, Instant scraped, String target) throws IOException {
        List<String> expected = new ArrayList<>();
        for (String ruleFile : ruleFiles()) {
            for (JsonNode group : YAML.readTree(Path.of(ruleFile).toFile()).path("groups")) {
                group.path("rules").forEach(rule -> expected.add(rule.path("alert").asText()));
            }
        }
        assertFalse(expected.isEmpty());
        JsonNode[] groups = new JsonNode[1];
        Awaitility.await("every rule evaluated after the scrapes, and " + EXPECTED_ALERT + " pending for " + target)
                .atMost(WITHIN).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertTrue(prometheus.isAlive(), "Prometheus stopped: see target/prometheus-it.log");
                    groups[0] = api(base, "/api/v1/rules").at("/data/groups");
                    boolean evaluated = true;
                    boolean offTrack = false;
                    for (JsonNode rule : rules(groups[0])) {
                        evaluated &= OffsetDateTime.parse(rule.path("lastEvaluation").asText()).toInstant().isAfter(scraped);
                        for (JsonNode alert : rule.path("alerts")) {
                            offTrack |= EXPECTED_ALERT.equals(rule.path("name").asText())
                                    && target.equals(alert.at("/labels/target").asText());
                        }
                    }
                    return evaluated && offTrack;
                });

        List<String> loaded = new ArrayList<>();
        List<String> unhealthy = new ArrayList<>();
        List<String> active = new ArrayList<>();
        for (JsonNode rule : rules(groups[0])) {
            String name = rule.path("name").asText();
            loaded.add(name);
            if (!"ok".equals(rule.path("health").asText()) || !rule.path("lastError").asText().isEmpty()) {
                unhealthy.add(name + ": " + rule.path("health").asText() + " " + rule.path("lastError").asText());
            }
            for (JsonNode alert : rule.path("alerts")) {
                boolean forecast = name.equals(EXPECTED_ALERT) && "pending".equals(alert.path("state").asText());
                if (!forecast) {
                    active.add(name + " " + alert.path("state").asText() + " " + alert.path("labels") + " = "
                            + alert.path("value").asText());
                }
            }
        }
        assertEquals(expected, loaded, "the rules Prometheus loaded");
        assertEquals(List.of(), unhealthy, "rules that failed to evaluate");
        assertEquals(List.of(), active, "alerts active on the healthy service");
    }

    private static List<String> ruleFiles() throws IOException {
        List<String> files = new ArrayList<>();
        YAML.readTree(CONFIG.toFile()).path("rule_files")
                .forEach(file -> files.add(CONFIG.getParent().resolve(file.asText()).toString()));
        return files;
    }

    private static List<JsonNode> rules(JsonNode groups) {
        List<JsonNode> rules = new ArrayList<>();
        groups.forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** Every assignment of the dashboard variables an expression names (a single one with none). */
    private static List<Map<String, String>> combinations(String expr, Map<String, List<String>> values) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> variable : values.entrySet()) {
            String name = Pattern.quote(variable.getKey());
            if (!Pattern.compile("\\$\\{?" + name + "\\b|\\[\\[" + name + "]]").matcher(expr).find()) {
                continue;
            }
            List<Map<String, String>> wider = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : variable.getValue()) {
                    Map<String, String> each = new LinkedHashMap<>(combination);
                    each.put(variable.getKey(), value);
                    wider.add(each);
                }
            }
            combinations = wider;
        }
        return combinations;
    }

    private static Map<String, String> firstOfEach(Map<String, List<String>> values) {
        Map<String, String> first = new LinkedHashMap<>();
        values.forEach((name, list) -> first.put(name, list.get(0)));
        return first;
    }

    /** $name, ${name} and [[name]] replaced by the dashboard's variables or Grafana's own; any other fails. */
    private static String substitute(String expr, Map<String, String> variables) {
        Matcher uses = Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\$(\\w+)|\\[\\[(\\w+)]]").matcher(expr);
        StringBuilder out = new StringBuilder();
        while (uses.find()) {
            String name = Stream.of(uses.group(1), uses.group(2), uses.group(3)).filter(g -> g != null)
                    .findFirst().orElseThrow();
            String value = variables.containsKey(name) ? variables.get(name) : GRAFANA_VARIABLES.get(name);
            assertTrue(value != null, "unknown variable $" + name + " in " + expr);
            uses.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        uses.appendTail(out);
        return out.toString();
    }

    /** The result of an instant query, which must succeed. */
    private JsonNode query(String base, String promql) throws IOException, InterruptedException {
        JsonNode answer = api(base, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertEquals("success", answer.path("status").asText(), promql + ": " + answer);
        return answer.at("/data/result");
    }

    /** A GET of Prometheus's HTTP API, its JSON whatever the status (errors are JSON too). */
    private JsonNode api(String base, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.out.println("PrometheusIT: could not delete " + directory + ": " + e);
        }
    }
}
