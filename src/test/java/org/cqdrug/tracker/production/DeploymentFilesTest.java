package org.cqdrug.tracker.production;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * docker/ cannot be run here (no Docker engine), so it is checked against the application instead: the compose
 * file's ports, variables and services, Prometheus's scrape target and path, Grafana's datasource and the metric and
 * label names its dashboard queries, and the image's port and health check, so that none of them rots unseen.
 */
@Tag(Lanes.DATABASE)
@QuarkusTest
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCKER = Path.of("docker");

    private static JsonNode yaml(String file) throws IOException {
        return YAML.readTree(DOCKER.resolve(file).toFile());
    }

    /** The port the packaged service listens on (the tests' own instance uses quarkus.http.test-port). */
    private static int appPort() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    /** The service's configuration property that an environment variable sets, by MicroProfile Config's rule. */
    private static boolean namesAProperty(String variable) {
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            String plain = name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name;
            if (plain.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT).equals(variable)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void composeRunsTheServiceOnItsPortConfiguredOnlyByVariablesItReads() throws IOException {
        JsonNode services = yaml("compose.yaml").path("services");
        assertEquals(Set.of("db", "api", "prometheus", "grafana"), fieldNames(services));
        JsonNode api = services.path("api");
        assertEquals(appPort() + ":" + appPort(), api.path("ports").get(0).asText());
        assertEquals("docker/Dockerfile.jvm", api.at("/build/dockerfile").asText());
        api.path("environment").fieldNames().forEachRemaining(variable ->
                assertTrue(namesAProperty(variable), variable + " sets no property the service has"));
        assertTrue(api.path("environment").has("TRACKER_BOOTSTRAP_ADMIN_KEY"));

        // The service's database is the compose database, by host, name and user.
        String url = api.at("/environment/QUARKUS_DATASOURCE_JDBC_URL").asText();
        URI jdbc = URI.create(url.substring("jdbc:".length()));
        JsonNode db = services.path("db");
        assertTrue(services.has(jdbc.getHost()), url);
        assertEquals("/" + db.at("/environment/POSTGRES_DB").asText(), jdbc.getPath());
        assertEquals(db.at("/environment/POSTGRES_USER").asText(), api.at("/environment/QUARKUS_DATASOURCE_USERNAME").asText());
        // Data outlives the containers.
        assertTrue(db.path("volumes").get(0).asText().endsWith(":/var/lib/postgresql/data"));
        assertTrue(yaml("compose.yaml").path("volumes").has(db.path("volumes").get(0).asText().split(":")[0]));

        // Every image is pinned to a release.
        for (JsonNode service : services) {
            if (service.has("image") && !service.has("build")) {
                String image = service.path("image").asText();
                assertTrue(image.matches("[^:]+:[0-9v][^:]*") && !image.endsWith(":latest"), image + " is not pinned");
            }
        }
    }

    @Test
    void prometheusScrapesTheServicesMetricsPathAndGrafanaReadsPrometheus() throws IOException {
        JsonNode services = yaml("compose.yaml").path("services");
        JsonNode scrape = yaml("prometheus/prometheus.yml").path("scrape_configs").get(0);
        String metricsPath = scrape.path("metrics_path").asText();
        given().get(metricsPath).then().statusCode(200);
        assertEquals("api:" + appPort(), scrape.at("/static_configs/0/targets/0").asText());
        assertTrue(services.path("prometheus").path("volumes").toString().contains("./prometheus/prometheus.yml:"));

        JsonNode datasource = yaml("grafana/provisioning/datasources/prometheus.yaml").path("datasources").get(0);
        URI prometheus = URI.create(datasource.path("url").asText());
        assertTrue(services.has(prometheus.getHost()));
        assertTrue(services.at("/prometheus/ports/0").asText().endsWith(prometheus.getPort() + ":" + prometheus.getPort()));

        String dashboards = yaml("grafana/provisioning/dashboards/tracker.yaml").at("/providers/0/options/path").asText();
        assertTrue(services.path("grafana").path("volumes").toString().contains("./grafana/dashboards:" + dashboards),
                "Grafana's dashboards folder is not where its provisioning looks");
        assertTrue(Files.exists(DOCKER.resolve("grafana/dashboards/tracker.json")));
        JsonNode dashboard = JSON.readTree(DOCKER.resolve("grafana/dashboards/tracker.json").toFile());
        for (JsonNode uid : dashboard.findValues("uid")) {
            if (uid.isTextual() && !uid.asText().equals(dashboard.path("uid").asText())) {
                assertEquals(datasource.path("uid").asText(), uid.asText(), "a panel names another datasource");
            }
        }
    }

    @Test
    void theDashboardQueriesOnlyMetricsAndLabelsTheServicePublishes() throws IOException {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String dashboard = Files.readString(DOCKER.resolve("grafana/dashboards/tracker.json"));
        Set<String> queried = new HashSet<>();
        Matcher names = Pattern.compile("tracker_[a-z_]+").matcher(dashboard);
        while (names.find()) {
            queried.add(names.group());
        }
        assertFalse(queried.isEmpty());
        for (String metric : queried) {
            assertTrue(metrics.contains("\n" + metric + "{") || metrics.contains("\n" + metric + " "),
                    metric + " is not published");
        }
        for (String label : List.of("target", "year", "phase")) {
            assertTrue(metrics.contains(label + "=\""), "no metric has the label " + label);
        }
        JsonNode panels = JSON.readTree(dashboard).path("panels");
        List<String> titles = StreamSupport.stream(panels.spliterator(), false).map(p -> p.path("title").asText()).toList();
        assertTrue(titles.stream().anyMatch(t -> t.contains("against the band")), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.contains("probability")), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.contains("funnel")), titles.toString());
    }

    @Test
    void theImageExposesTheServicePortRunsAsNonRootAndChecksAHealthPathThatAnswers() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        assertTrue(dockerfile.contains("\nEXPOSE " + appPort() + "\n"));
        assertTrue(dockerfile.matches("(?s).*\nUSER [1-9][0-9]*\n.*"), "the image must not run as root");
        Matcher from = Pattern.compile("\nFROM (\\S+)").matcher(dockerfile);
        assertTrue(from.find() && from.group(1).matches("[^:]+:[0-9][^:]*"), "the base image is not pinned");
        Matcher health = Pattern.compile("HEALTHCHECK.*?GET (/\\S+) HTTP", Pattern.DOTALL).matcher(dockerfile);
        assertTrue(health.find(), "no HEALTHCHECK");
        given().get(health.group(1)).then().statusCode(200);
        assertTrue(dockerfile.contains("127.0.0.1/" + appPort()));
        assertTrue(Files.exists(DOCKER.resolve("jvm.options")) && dockerfile.contains("@jvm.options"));
        // The build context is the repository; its ignore file lets in exactly what the image copies.
        String ignored = Files.readString(DOCKER.resolve("Dockerfile.jvm.dockerignore"));
        Matcher copies = Pattern.compile("\nCOPY (?:--\\S+ )*(\\S+) ").matcher(dockerfile);
        while (copies.find()) {
            String source = copies.group(1);
            assertTrue(ignored.lines().anyMatch(line -> line.startsWith("!") && source.startsWith(line.substring(1))),
                    source + " is not let into the build context");
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
