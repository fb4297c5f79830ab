package org.cqdrug.tracker.organization.mapping;

import org.cqdrug.tracker.common.MapperDefaults;
import org.cqdrug.tracker.organization.Organization;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Moves data between the organization entity and its API records. */
@Mapper(config = MapperDefaults.class)
public interface OrganizationMapper {

    @Mapping(target = "clusterId", source = "cluster.id")
    OrganizationView toView(Organization organization);

    /** The cluster is resolved by the service, which knows how to answer a missing one. */
    @Mapping(target = "cluster", ignore = true)
    void apply(OrganizationInput input, @MappingTarget Organization organization);
}
