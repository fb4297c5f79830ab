package org.cqdrug.tracker.upgrade;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.cqdrug.tracker.testsupport.TestDatabases;
import org.flywaydb.core.Flyway;

/**
 * The service started on a database that holds rows written at the first schema version (V1), which it migrates to
 * the current one at start, as an upgrade in production would. Every future migration meets these rows.
 */
public class FirstSchemaProfile implements QuarkusTestProfile {

    static final String DATABASE = "tracker_upgrade";

    static final String CLUSTER = "01931000-0000-7000-8000-000000000001";
    static final String SPONSOR = "01931000-0000-7000-8000-000000000002";
    static final String CANDIDATE = "01931000-0000-7000-8000-000000000003";
    static final String APPROVAL = "01931000-0000-7000-8000-000000000004";
    static final String MILESTONE = "01931000-0000-7000-8000-000000000005";
    static final String TARGET = "01931000-0000-7000-8000-000000000006";

    /** Rows as an operator of the first release wrote them, in that release's columns only. */
    static final String V1_ROWS = """
            insert into cluster (id, code, name, name_zh, region_code, district, focus_areas, description, source_url,
                                 created_at, updated_at, version)
            values ('%1$s', 'v1-bio-city', 'V1 Bio-city', 'V1 生物城', 'CN-CQ', 'Banan', '{biologics}', 'From V1',
                    'https://www.cq.gov.cn/zwgk/', '2025-01-02T03:04:05Z', '2025-01-02T03:04:05Z', 0);
            insert into organization (id, name, name_zh, kind, region_code, cluster_id, created_at, updated_at, version)
            values ('%2$s', 'V1 Pharma', 'V1 药业', 'COMPANY', 'CN-CQ', '%1$s', '2025-01-02T03:04:05Z',
                    '2025-01-02T03:04:05Z', 0);
            insert into candidate (id, code, name, name_zh, sponsor_id, cluster_id, category, registration_class, modality,
                                   therapeutic_area, indication, phase, designations, created_at, updated_at, version)
            values ('%3$s', 'V1-001', 'v1mab', 'V1单抗', '%2$s', '%1$s', 'THERAPEUTIC_BIOLOGIC', '1', 'ANTIBODY',
                    'Dermatology', 'Psoriasis', 'APPROVED', '{PRIORITY_REVIEW}', '2025-01-02T03:04:05Z',
                    '2025-01-02T03:04:05Z', 1);
            insert into approval (id, candidate_id, authority, approved_on, approval_number, registration_class, category,
                                  approval_type, indication, source_url, created_at, updated_at, version)
            values ('%4$s', '%3$s', 'NMPA', '2025-03-04', 'S20250001', '1', 'THERAPEUTIC_BIOLOGIC', 'STANDARD',
                    'Psoriasis', 'https://www.nmpa.gov.cn/', '2025-03-05T00:00:00Z', '2025-03-05T00:00:00Z', 0);
            insert into milestone (id, candidate_id, phase, reached_on, approval_id, created_at, updated_at, version)
            values ('%5$s', '%3$s', 'APPROVED', '2025-03-04', '%4$s', '2025-03-05T00:00:00Z', '2025-03-05T00:00:00Z', 0);
            insert into target (id, code, name, region_code, metric, authority, from_year, to_year, annual_min, annual_max,
                                source_title, source_url, published_on, created_at, updated_at, version)
            values ('%6$s', 'v1-target', 'V1: one to three a year', 'CN-CQ', 'CLASS1_APPROVALS', 'NMPA', 2025, 2027, 1, 3,
                    'Plan', 'https://www.cq.gov.cn/zwgk/', '2025-01-01', '2025-01-02T03:04:05Z', '2025-01-02T03:04:05Z', 0);
            """.formatted(CLUSTER, SPONSOR, CANDIDATE, APPROVAL, MILESTONE, TARGET);

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DatabaseAtFirstVersion.class));
    }

    public static class DatabaseAtFirstVersion implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            TestDatabases.recreate(DATABASE);
            Flyway.configure().dataSource(TestDatabases.url(DATABASE), TestDatabases.user(), TestDatabases.password())
                    .locations("classpath:db/migration").target("1").load().migrate();
            try (Connection connection = TestDatabases.connect(DATABASE); Statement statement = connection.createStatement()) {
                statement.execute(V1_ROWS);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            // The service migrates what it finds; the tests' usual clean start would drop the rows under test.
            return Map.of("quarkus.datasource.jdbc.url", TestDatabases.url(DATABASE), "%test.quarkus.flyway.clean-at-start", "false");
        }

        @Override
        public void stop() {
            // Dropped at the next start.
        }
    }
}
