package org.cqdrug.tracker.testsupport;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

/**
 * Creates the rows a test needs through the API, each with codes no other test uses. Test rows live in region CN-HB,
 * away from the demo data's Chongqing (CN-CQ) target, which tests read as it is seeded. Every test runs with the
 * filters of {@link TestFilters}: a change a test sends carries the row's ETag unless the test says otherwise.
 */
public final class TestData {

    static {
        TestFilters.install();
    }

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> cluster(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Test cluster " + code);
        body.put("nameZh", "测试园区");
        body.put("regionCode", "CN-HB");
        body.put("district", "Banan District");
        body.put("focusAreas", List.of("biologics", "生物药"));
        return body;
    }

    public static Map<String, Object> organization(String name, String regionCode, String clusterId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nameZh", "测试公司");
        body.put("kind", "COMPANY");
        body.put("regionCode", regionCode);
        body.put("clusterId", clusterId);
        return body;
    }

    public static Map<String, Object> candidate(String code, String sponsorId, String clusterId, String registrationClass,
            String phase) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "testimab " + code);
        body.put("nameZh", "测试单抗");
        body.put("sponsorId", sponsorId);
        body.put("clusterId", clusterId);
        body.put("category", "THERAPEUTIC_BIOLOGIC");
        body.put("registrationClass", registrationClass);
        body.put("modality", "ANTIBODY");
        body.put("therapeuticArea", "Immunology");
        body.put("indication", "Plaque psoriasis");
        body.put("phase", phase);
        body.put("phaseReachedOn", "2020-01-01");
        return body;
    }

    public static Map<String, Object> approval(String candidateId, String authority, String approvedOn, String number) {
        Map<String, Object> body = new HashMap<>();
        body.put("candidateId", candidateId);
        body.put("authority", authority);
        body.put("approvedOn", approvedOn);
        body.put("approvalNumber", number);
        body.put("approvalType", "STANDARD");
        body.put("sourceUrl", "https://www.nmpa.gov.cn/approval");
        body.put("evidence", "CONFIRMED");
        return body;
    }

    public static Map<String, Object> target(String code, String regionCode, String clusterId, int from, int to) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Target " + code);
        body.put("regionCode", regionCode);
        body.put("clusterId", clusterId);
        body.put("metric", "CLASS1_APPROVALS");
        body.put("authority", "NMPA");
        body.put("fromYear", from);
        body.put("toYear", to);
        body.put("annualMin", 1);
        body.put("annualMax", 3);
        return body;
    }

    public static Map<String, Object> collaboration(String type, List<String> organizations, String cluster,
            String signedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", "Test deal");
        body.put("organizationIds", organizations);
        body.put("clusterId", cluster);
        body.put("signedOn", signedOn);
        body.put("valueCny", 1250000.50);
        return body;
    }

    /** POSTs the body and answers the new row's id, failing the test unless the answer is 201. */
    public static String create(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201)
                .extract().path("id");
    }

    public static String newCluster() {
        return create("/api/v1/clusters", cluster(unique("c")));
    }

    public static String newOrganization(String regionCode, String clusterId) {
        return create("/api/v1/organizations", organization(unique("Org"), regionCode, clusterId));
    }

    public static String newCandidate(String sponsorId, String clusterId, String registrationClass, String phase) {
        return create("/api/v1/candidates", candidate(unique("T"), sponsorId, clusterId, registrationClass, phase));
    }

    /**
     * Counts rows straight in the database: a check that nothing was written must hold however many rows the test
     * database already holds, so it counts the test's own rows exactly instead of reading a first page.
     */
    public static long count(String sql, Object... parameters) {
        try (Connection connection = Arc.container().instance(DataSource.class).get().getConnection();
                PreparedStatement statement = prepared(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs SQL the API would refuse, to set up states that only a fault or an outside writer can make. */
    public static int execute(String sql, Object... parameters) {
        try (Connection connection = Arc.container().instance(DataSource.class).get().getConnection();
                PreparedStatement statement = prepared(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
