package org.cqdrug.tracker.testsupport;

/**
 * The test lanes, as JUnit tags: every test class carries exactly one (ArchitectureTest checks it), so that a lane
 * can be run alone with Surefire's {@code -Dgroups} (the unit lane: {@code -Punit}) or left out with {@code -DexcludedGroups} (src/docs/testing.md).
 */
public final class Lanes {

    /** Plain JUnit: no Quarkus, no database; seconds. */
    public static final String UNIT = "unit";
    /** The service started by {@code @QuarkusTest} against a real PostgreSQL (pg_virtualenv). */
    public static final String DATABASE = "database";
    /** The dashboard page in Debian's Chromium, driven by Selenium, against the service and PostgreSQL. */
    public static final String BROWSER = "browser";
    /** The packaged jar, started by Failsafe's integration tests in {@code verify}. */
    public static final String PACKAGED = "packaged";

    private Lanes() {
    }
}
