package org.cqdrug.tracker.cluster.mapping;

import java.util.ArrayList;

import org.cqdrug.tracker.cluster.Cluster;

/** Moves data between the cluster entity and its API records. */
public final class ClusterMapper {

    private ClusterMapper() {
    }

    public static ClusterView toView(Cluster c) {
        return new ClusterView(c.id, c.code, c.name, c.nameZh, c.regionCode, c.district, c.focusAreas == null
                ? java.util.List.of() : java.util.List.copyOf(c.focusAreas), c.description, c.sourceUrl, c.createdAt,
                c.updatedAt, c.version);
    }

    public static void apply(ClusterInput in, Cluster c) {
        c.code = in.code();
        c.name = in.name();
        c.nameZh = in.nameZh();
        c.regionCode = in.regionCode();
        c.district = in.district();
        c.focusAreas = in.focusAreas() == null ? new ArrayList<>() : new ArrayList<>(in.focusAreas());
        c.description = in.description();
        c.sourceUrl = in.sourceUrl();
    }
}
