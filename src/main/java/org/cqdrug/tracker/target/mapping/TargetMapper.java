package org.cqdrug.tracker.target.mapping;

import org.cqdrug.tracker.common.MapperDefaults;
import org.cqdrug.tracker.target.Target;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Moves data between the target entity and its API records. */
@Mapper(config = MapperDefaults.class)
public interface TargetMapper {

    @Mapping(target = "clusterId", source = "cluster.id")
    TargetView toView(Target target);

    /** The cluster is resolved by the service. */
    @Mapping(target = "cluster", ignore = true)
    @Mapping(target = "authority", defaultValue = "NMPA")
    @Mapping(target = "kind", defaultValue = "ANNUAL")
    void apply(TargetInput input, @MappingTarget Target target);
}
