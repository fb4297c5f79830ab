package org.cqdrug.tracker.notification.mapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a webhook, a watchlist or a read of the events selects: event types (all when none), and a region, target,
 * cluster or candidate (each that is set must match). A target matches its own events and the record events in its
 * scope: the records of its region's sponsors and its cluster's candidates.
 */
public record EventFilter(List<String> eventTypes, String regionCode, UUID targetId, UUID clusterId, UUID candidateId) {

    /** The one statement of the rule, over event {@code e}, for SQL expressions giving each part of a filter. */
    private static String match(String types, String region, String target, String cluster, String candidate) {
        return "(coalesce(cardinality(" + types + "), 0) = 0 or e.type = any (" + types + "))"
                + " and (" + region + " is null or e.region_code = " + region + ")"
                + " and (" + cluster + " is null or e.cluster_id = " + cluster + ")"
                + " and (" + candidate + " is null or e.candidate_id = " + candidate + ")"
                + " and (" + target + " is null or e.target_id = " + target + " or (e.target_id is null"
                + " and (e.region_code is not null or e.cluster_id is not null) and exists (select 1 from target t"
                + " where t.id = " + target + " and (t.region_code is null or t.region_code = e.region_code)"
                + " and (t.cluster_id is null or t.cluster_id = e.cluster_id))))";
    }

    /** SQL: event {@code e} matches the filter stored in the columns of the row {@code alias} (a webhook). */
    public static String matchesColumnsOf(String alias) {
        return match(alias + ".event_types", alias + ".region_code", alias + ".target_id", alias + ".cluster_id",
                alias + ".candidate_id");
    }

    /** SQL: event {@code e} matches this filter; its values are added to {@code params}. */
    public String matches(Map<String, Object> params) {
        String types = "cast(null as text[])";
        if (eventTypes != null && !eventTypes.isEmpty()) {
            params.put("filterTypes", String.join(",", eventTypes));
            types = "string_to_array(cast(:filterTypes as text), ',')";
        }
        return match(types, value(params, "filterRegion", regionCode, "varchar"),
                value(params, "filterTarget", targetId, "uuid"), value(params, "filterCluster", clusterId, "uuid"),
                value(params, "filterCandidate", candidateId, "uuid"));
    }

    private static String value(Map<String, Object> params, String name, Object value, String type) {
        if (value == null) {
            return "cast(null as " + type + ")";
        }
        params.put(name, value);
        return "cast(:" + name + " as " + type + ")";
    }
}
