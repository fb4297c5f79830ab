package org.cqdrug.tracker.common;

import org.mapstruct.MapperConfig;
import org.mapstruct.Mapping;
import org.mapstruct.MappingInheritanceStrategy;
import org.mapstruct.MappingTarget;

/**
 * What every mapper shares (component model and the failing unmapped-target policy come from the compiler
 * arguments in pom.xml): a client's input never sets a row's identity, timestamps or version.
 */
@MapperConfig(mappingInheritanceStrategy = MappingInheritanceStrategy.AUTO_INHERIT_FROM_CONFIG)
public interface MapperDefaults {

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    void apply(Object input, @MappingTarget TrackedEntity entity);
}
