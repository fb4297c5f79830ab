package org.cqdrug.tracker.indicator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.SqlRows;

/** The versions of the indicators' inputs that the writes' own transactions move on (V22__input_versions.sql). */
@ApplicationScoped
public class InputVersionRepository {

    /** One input's version; region and cluster are set for a cell of the standing pipeline only. */
    public record InputVersion(String input, String regionCode, UUID clusterId, long version) {
    }

    private final EntityManager em;

    public InputVersionRepository(EntityManager em) {
        this.em = em;
    }

    /** Every input's version, in one statement. */
    public List<InputVersion> all() {
        return SqlRows.list(em, "select input, region_code, cluster_id, version from input_version", Map.of())
                .stream()
                .map(row -> new InputVersion((String) row[0], (String) row[1], (UUID) row[2], SqlRows.count(row[3])))
                .toList();
    }
}
