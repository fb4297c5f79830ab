package org.cqdrug.tracker.common.vocabulary;

import java.util.Map;
import java.util.UUID;

/**
 * Which candidates and approvals a target, a count or a forecast looks at: those whose candidate's sponsor is based
 * in {@code regionCode} and whose candidate is in {@code clusterId}, for whichever of the two is set. The SQL below
 * names its tables {@code approval a}, {@code candidate c} and the sponsor {@code organization o}.
 */
public record Scope(String regionCode, UUID clusterId) {

    /** Joins a candidate {@code c} to its sponsor {@code o}, which holds the region. */
    private static final String SPONSOR = " join organization o on o.id = c.sponsor_id ";

    /** {@code from} clause over candidates and their sponsors. */
    public static final String CANDIDATES = " from candidate c" + SPONSOR;

    /** {@code from} clause over approvals, their candidates and the candidates' sponsors. */
    public static final String APPROVALS = " from approval a join candidate c on c.id = a.candidate_id" + SPONSOR;

    /**
     * Condition that approval {@code a} is its drug's first by its authority: a drug counts once, so counts of drugs
     * leave out its later approvals (a new indication, a supplement).
     */
    public static final String FIRST_APPROVAL = "a.kind = 'NEW_DRUG'";

    /** The scope's conditions, each starting with {@code and}; their parameters are added to {@code params}. */
    public String sql(Map<String, Object> params) {
        return sql(params, "o.region_code", "c.cluster_id");
    }

    /** The same conditions over other columns that hold the sponsor's region and the candidate's cluster. */
    public String sql(Map<String, Object> params, String regionColumn, String clusterColumn) {
        StringBuilder sql = new StringBuilder();
        if (regionCode != null) {
            sql.append(" and ").append(regionColumn).append(" = :regionCode");
            params.put("regionCode", regionCode);
        }
        if (clusterId != null) {
            sql.append(" and ").append(clusterColumn).append(" = :clusterId");
            params.put("clusterId", clusterId);
        }
        return sql.toString();
    }
}
