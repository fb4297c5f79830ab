package org.cqdrug.tracker.collaboration.mapping;

import java.util.UUID;

import org.cqdrug.tracker.collaboration.Collaboration;
import org.cqdrug.tracker.common.MapperDefaults;
import org.cqdrug.tracker.organization.Organization;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Moves data between the collaboration entity and its API records. */
@Mapper(config = MapperDefaults.class)
public interface CollaborationMapper {

    @Mapping(target = "organizationIds", source = "organizations")
    @Mapping(target = "candidateId", source = "candidate.id")
    @Mapping(target = "clusterId", source = "cluster.id")
    CollaborationView toView(Collaboration collaboration);

    /** The parties, candidate and cluster are resolved by the service. */
    @Mapping(target = "organizations", ignore = true)
    @Mapping(target = "candidate", ignore = true)
    @Mapping(target = "cluster", ignore = true)
    void apply(CollaborationInput input, @MappingTarget Collaboration collaboration);

    default UUID organizationId(Organization organization) {
        return organization.id;
    }
}
