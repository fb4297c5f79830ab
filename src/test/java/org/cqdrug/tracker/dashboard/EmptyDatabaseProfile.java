package org.cqdrug.tracker.dashboard;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.cqdrug.tracker.testsupport.TestDatabases;

/**
 * The service on a database of its own, so that emptying it disturbs no other test. Flyway's locations are fixed at
 * build time, so the demo rows arrive here too; {@link #empty()} removes them.
 */
public class EmptyDatabaseProfile implements QuarkusTestProfile {

    static final String DATABASE = "tracker_empty";

    /** Removes every row the API shows, leaving the schema. */
    static void empty() {
        org.cqdrug.tracker.testsupport.TestData.execute("truncate cluster, organization, candidate, approval, milestone, target,"
                + " collaboration, collaboration_party cascade");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshDatabase.class));
    }

    public static class FreshDatabase implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            TestDatabases.recreate(DATABASE);
            return Map.of("quarkus.datasource.jdbc.url", TestDatabases.url(DATABASE));
        }

        @Override
        public void stop() {
            // Dropped at the next start, so that a failed run leaves it to look at.
        }
    }
}
