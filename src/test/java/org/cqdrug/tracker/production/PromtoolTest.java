package org.cqdrug.tracker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docker/prometheus/ checked with Debian's promtool (2.42), as Prometheus itself would load it: the configuration
 * with the rule files it names, the alerting rules, and the rules' unit tests (alerts.test.yml). promtool is a
 * machine tool like Chromium for the browser lane: when it is missing this test fails, it does not skip, since CI
 * installs it (.ci/run). Run from the project root, Maven's working directory, as check config resolves rule_files
 * beside the configuration.
 */
@Tag(Lanes.UNIT)
class PromtoolTest {

    private static final Path PROMETHEUS = Path.of("docker", "prometheus");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theConfigurationAndTheRuleFilesItNamesAreValid() throws Exception {
        String output = promtool("check", "config", PROMETHEUS.resolve("prometheus.yml").toString());
        assertTrue(output.contains("alerts.yml"), "check config did not load the rule file:\n" + output);
    }

    @Test
    void theAlertingRulesAreValid() throws Exception {
        promtool("check", "rules", PROMETHEUS.resolve("alerts.yml").toString());
    }

    @Test
    void theAlertingRulesPassTheirUnitTests() throws Exception {
        promtool("test", "rules", PROMETHEUS.resolve("alerts.test.yml").toString());
    }

    /**
     * Every rule is an alert with a wait, a severity and annotations that say what to do, and its unit tests have a
     * case where it fires and one where it does not, so that a new rule cannot come without both.
     */
    @Test
    void everyAlertSaysWhatToDoAndIsTestedFiringAndQuiet() throws IOException {
        JsonNode groups = YAML.readTree(PROMETHEUS.resolve("alerts.yml").toFile()).path("groups");
        assertEquals(1, groups.size(), "one group");
        List<String> alerts = new ArrayList<>();
        for (JsonNode rule : groups.get(0).path("rules")) {
            String name = rule.path("alert").asText();
            assertFalse(name.isEmpty(), "a rule that is no alert: " + rule);
            assertTrue(name.matches("[A-Z][A-Za-z0-9]+"), name + " is not CamelCase");
            assertTrue(rule.has("for"), name + " has no for:");
            assertTrue(Set.of("critical", "warning", "info").contains(rule.at("/labels/severity").asText()),
                    name + " has no severity critical, warning or info");
            assertFalse(rule.at("/annotations/summary").asText().isBlank(), name + " has no summary");
            assertFalse(rule.at("/annotations/description").asText().isBlank(), name + " has no description");
            alerts.add(name);
        }
        JsonNode tests = YAML.readTree(PROMETHEUS.resolve("alerts.test.yml").toFile());
        List<String> ruleFiles = new ArrayList<>();
        tests.path("rule_files").forEach(file -> ruleFiles.add(file.asText()));
        assertEquals(List.of("alerts.yml"), ruleFiles);
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                (check.path("exp_alerts").isEmpty() ? quiet : firing).add(check.path("alertname").asText());
            }
        }
        for (String alert : alerts) {
            assertTrue(firing.contains(alert), alert + " has no unit test in which it fires");
            assertTrue(quiet.contains(alert), alert + " has no unit test in which it stays quiet");
        }
    }

    /** Compose mounts each rule file the configuration names beside it, read-only, as check config finds them here. */
    @Test
    void composeMountsEveryRuleFileBesideTheConfiguration() throws IOException {
        JsonNode prometheus = YAML.readTree(Path.of("docker", "compose.yaml").toFile()).at("/services/prometheus");
        String config = null;
        for (JsonNode argument : prometheus.path("command")) {
            if (argument.asText().startsWith("--config.file=")) {
                config = argument.asText().substring("--config.file=".length());
            }
        }
        assertNotNull(config, "compose starts Prometheus without --config.file");
        List<String> volumes = new ArrayList<>();
        prometheus.path("volumes").forEach(volume -> volumes.add(volume.asText()));
        assertTrue(volumes.contains("./prometheus/prometheus.yml:" + config + ":ro"), volumes.toString());
        String directory = config.substring(0, config.lastIndexOf('/') + 1);
        JsonNode ruleFiles = YAML.readTree(PROMETHEUS.resolve("prometheus.yml").toFile()).path("rule_files");
        assertFalse(ruleFiles.isEmpty(), "prometheus.yml names no rule file");
        for (JsonNode ruleFile : ruleFiles) {
            String name = ruleFile.asText();
            assertTrue(Files.isRegularFile(PROMETHEUS.resolve(name)), name + " is not beside prometheus.yml");
            assertTrue(volumes.contains("./prometheus/" + name + ":" + directory + name + ":ro"),
                    "compose does not mount " + name + " beside " + config + ": " + volumes);
        }
    }

    /** Runs promtool in the project root and answers its output; fails on a non-zero exit, showing the output. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 60 s:\n" + output);
        }
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** The program on the PATH, or a failure saying how to install it. */
    static String executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail(name + " is not on the PATH (" + path + "): install Debian's Prometheus with"
                + " `apt-get install prometheus` (CI's .ci/run does)");
    }
}
