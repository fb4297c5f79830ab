package org.cqdrug.tracker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One minute of the soak with crashes ({@code src/bench/soak.py}): two packaged instances on one database of their
 * own under keyed writers, readers and CSV imports, while one instance is SIGKILLed and started again, PostgreSQL is
 * restarted and then frozen (SIGSTOP, then SIGCONT). The script checks from the database, the change feed and the
 * history that every acknowledged write is there exactly once and none is half-applied, that the feed has no gap or
 * duplicate, that no answer was a 5xx other than the documented 503s and that resident memory stayed bounded; it
 * exits 0 only when every check passes. Run by Failsafe in {@code verify}, inside pg_virtualenv (the script restarts
 * and freezes that server), once the jar is packaged. Its output goes to target/soak-it.log, its table to
 * target/soak-report.md, each instance's log to target/soak-1.log and target/soak-2.log.
 */
@Tag(Lanes.PACKAGED)
class SoakIT {

    private static final String DURATION_SECONDS = "60";
    /** The minute of load, the instances' starts, the drain and the checks take about a minute and a half here. */
    private static final Duration WITHIN = Duration.ofMinutes(6);
    /** After SIGTERM the script thaws the database, stops its instances and drops its database. */
    private static final Duration CLEAN_UP_WITHIN = Duration.ofSeconds(90);

    @Test
    void aMinuteOfLoadThroughAKilledInstanceARestartedAndAFrozenDatabaseLosesDoublesAndHalfAppliesNothing()
            throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path log = root.resolve("target/soak-it.log");
        Path report = root.resolve("target/soak-report.md");
        Files.deleteIfExists(report);
        ProcessBuilder builder = new ProcessBuilder("python3", "src/bench/soak.py", "--duration", DURATION_SECONDS)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // The PG* variables of pg_virtualenv are inherited and name the server; the datasource variables Failsafe
        // sets for the packaged-app tests name another database, and the script sets its own.
        env.keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE_")
                || name.equals("TRACKER_BOOTSTRAP_ADMIN_KEY"));
        env.put("PYTHONUNBUFFERED", "1");
        assertTrue(env.containsKey("PGPORT"), "run under pg_virtualenv: the soak needs the PG* variables");
        Process soak = builder.start();
        // should this JVM be stopped, the script is told to clean up (its instances also die with it)
        Thread reaper = new Thread(soak::destroy, "soak-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        boolean finished;
        try {
            finished = soak.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                soak.destroy();
                if (!soak.waitFor(CLEAN_UP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                    soak.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
        String found = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : tail(log, 60);
        assertTrue(finished, "the soak did not end within " + WITHIN + "; see " + log + "\n" + found);
        assertEquals(0, soak.exitValue(), "the soak failed a check (exit " + soak.exitValue() + "; " + log
                + ", target/soak-1.log, target/soak-2.log):\n" + found);
    }

    private static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "(no output)";
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
