package org.cqdrug.tracker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** The Kubernetes manifests quarkus-kubernetes generates at build time (target/kubernetes/kubernetes.yml). */
@Tag(Lanes.PACKAGED)
class KubernetesManifestIT {

    private static Map<String, JsonNode> byKind() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, JsonNode> documents = new java.util.HashMap<>();
        try (YAMLParser parser = new YAMLFactory().createParser(Path.of("target", "kubernetes", "kubernetes.yml").toFile())) {
            for (JsonNode document : yaml.readValues(parser, JsonNode.class).readAll()) {
                documents.put(document.path("kind").asText(), document);
            }
        }
        return documents;
    }

    @Test
    void theDeploymentProbesHealthHasResourcesAndTakesItsConfigurationFromASecretAndAConfigMap() throws IOException {
        Map<String, JsonNode> manifests = byKind();
        JsonNode deployment = manifests.get("Deployment");
        assertEquals(2, deployment.at("/spec/replicas").asInt());
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals(8080, container.at("/ports/0/containerPort").asInt());
        assertEquals("512Mi", container.at("/resources/limits/memory").asText());
        assertEquals("384Mi", container.at("/resources/requests/memory").asText());
        List<String> sources = new java.util.ArrayList<>();
        ((ArrayNode) container.path("envFrom")).forEach(source -> sources.add(source.has("secretRef")
                ? "secret:" + source.at("/secretRef/name").asText() : "configmap:" + source.at("/configMapRef/name").asText()));
        assertTrue(sources.containsAll(List.of("secret:innodrug-tracker-db", "configmap:innodrug-tracker-config")),
                sources.toString());

        // Migrations run in the pods themselves, so Flyway, and the readiness check that reads it, stays on there.
        assertTrue(!manifests.containsKey("Job"), "migrations moved into a Job");
        container.path("env").forEach(variable -> assertTrue(!variable.path("name").asText().equals("QUARKUS_FLYWAY_ACTIVE"),
                "the pods switch Flyway off"));
        assertTrue(deployment.at("/spec/template/spec/initContainers").isMissingNode());

        JsonNode service = manifests.get("Service");
        assertEquals("innodrug-tracker", service.at("/metadata/name").asText());
        assertEquals(8080, service.at("/spec/ports/0/targetPort").asInt());
        assertEquals(deployment.at("/spec/selector/matchLabels"), service.at("/spec/selector"));
    }
}
