package org.cqdrug.tracker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cqdrug.tracker.testsupport.TestDatabases;

/**
 * One instance of the packaged service (the jar {@code package} built, run with the JVM options of
 * {@code docker/jvm.options} in the prod profile, configured by environment variables as docker/compose.yaml does)
 * on a database of the server the PG* variables name. Its output goes to target/&lt;name&gt;.log.
 */
final class PackagedInstance implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    /** Quarkus's line once the instance has migrated, started and opened its port. */
    private static final String STARTED = "Listening on:";

    final String name;
    final int port;
    final String url;
    private final Process process;

    private PackagedInstance(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.url = "http://localhost:" + port;
        this.process = process;
    }

    /** Starts an instance on a free port and waits until it is ready. */
    static PackagedInstance start(String name, String database, String adminKey, Map<String, String> extra)
            throws Exception {
        return start(name, freePort(), database, adminKey, extra);
    }

    /** Starts an instance on the given port (again, after a crash) and waits until it is ready. */
    static PackagedInstance start(String name, int port, String database, String adminKey, Map<String, String> extra)
            throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "@" + root.resolve("docker/jvm.options"), "-jar",
                root.resolve("target/quarkus-app/quarkus-run.jar").toString());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", TestDatabases.url(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", TestDatabases.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestDatabases.password());
        env.put("TRACKER_BOOTSTRAP_ADMIN_KEY", adminKey);
        env.put("MALLOC_ARENA_MAX", "2");
        env.putAll(extra);
        PackagedInstance instance = new PackagedInstance(name, port, builder.redirectErrorStream(true).start());
        instance.awaitReady();
        return instance;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or the kernel's OOM killer ends a process: nothing is finished or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Docker and Kubernetes stop a container; true once the process exited within the time given. */
    boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop(Duration.ofSeconds(30))) {
            kill();
        }
    }

    /**
     * Copies the instance's output to its log under target/ and waits for the line saying it started, then checks
     * that it reports itself ready. Fails at once if the instance exits first.
     */
    private void awaitReady() throws Exception {
        Path log = Path.of("target", name + ".log");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); Writer file = Files.newBufferedWriter(log,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    file.write(line + System.lineSeparator());
                    file.flush();
                    if (line.contains(STARTED)) {
                        started.complete(null);
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("The instance on " + url + " exited; see " + log));
        }, name + "-log");
        copier.setDaemon(true);
        copier.start();
        started.get(READY_WITHIN.toSeconds(), TimeUnit.SECONDS);
        HttpResponse<Void> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, ready.statusCode(), "readiness of the instance on " + url);
    }
}
