package org.cqdrug.tracker.published.mapping;

import org.cqdrug.tracker.common.MapperDefaults;
import org.cqdrug.tracker.published.PublishedCount;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Moves data between the published-count entity and its API records. */
@Mapper(config = MapperDefaults.class)
public interface PublishedCountMapper {

    @Mapping(target = "clusterId", source = "cluster.id")
    PublishedCountView toView(PublishedCount count);

    /** The cluster is resolved by the service. */
    @Mapping(target = "cluster", ignore = true)
    void apply(PublishedCountInput input, @MappingTarget PublishedCount count);
}
