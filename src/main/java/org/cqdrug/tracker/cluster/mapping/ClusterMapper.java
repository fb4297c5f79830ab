package org.cqdrug.tracker.cluster.mapping;

import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.common.MapperDefaults;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.NullValuePropertyMappingStrategy;

/** Moves data between the cluster entity and its API records. */
@Mapper(config = MapperDefaults.class)
public interface ClusterMapper {

    ClusterView toView(Cluster cluster);

    /** Focus areas left out are none. */
    @Mapping(target = "focusAreas", nullValuePropertyMappingStrategy = NullValuePropertyMappingStrategy.SET_TO_DEFAULT)
    void apply(ClusterInput input, @MappingTarget Cluster cluster);
}
