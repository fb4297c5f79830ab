package org.cqdrug.tracker.indicator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one statement of what counts toward a target, as SQL over {@code approval a}, its {@code candidate c} and the
 * candidate's sponsor {@code organization o}. An approval counts when:
 * <ol>
 * <li>its authority is the target's authority;</li>
 * <li>its registration class as approved is Class 1 in any category: "1" or a "1.x" subclass ("2.2" or "3" never);</li>
 * <li>the candidate's sponsor is based in the target's region, and the candidate is in the target's cluster,
 * for whichever of the two the target sets;</li>
 * <li>it is dated inside the year, and on or before the as-of date.</li>
 * </ol>
 * The pipeline forecast uses the same class and scope tests on candidates.
 */
public final class CountingRule {

    public static final String APPROVAL_JOINS =
            " from approval a join candidate c on c.id = a.candidate_id join organization o on o.id = c.sponsor_id ";

    private CountingRule() {
    }

    /** SQL test of Class 1 on a registration-class column. */
    public static String class1(String column) {
        return "(" + column + " = '1' or " + column + " like '1.%')";
    }

    /** The scope of a target: region of the sponsor and/or cluster of the candidate. */
    public record Scope(String regionCode, UUID clusterId) {

        /** Appends the scope conditions and their parameters. */
        public String sql(Map<String, Object> params) {
            StringBuilder sql = new StringBuilder();
            if (regionCode != null) {
                sql.append(" and o.region_code = :regionCode");
                params.put("regionCode", regionCode);
            }
            if (clusterId != null) {
                sql.append(" and c.cluster_id = :clusterId");
                params.put("clusterId", clusterId);
            }
            return sql.toString();
        }
    }

    /**
     * Conditions under which an approval counts for a target with this authority and scope, between two dates
     * (both inclusive; the caller passes the as-of date as the upper end when it cuts the period).
     */
    public static String approvalsCounting(String authority, Scope scope, java.time.LocalDate from,
            java.time.LocalDate to, Map<String, Object> params) {
        params.put("authority", authority);
        params.put("countFrom", from);
        params.put("countTo", to);
        return " where a.authority = :authority and " + class1("a.registration_class")
                + " and a.approved_on between :countFrom and :countTo" + scope.sql(params);
    }

    public static Map<String, Object> newParams() {
        return new LinkedHashMap<>();
    }
}
