package org.cqdrug.tracker.published.mapping;

import java.math.BigDecimal;

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

    /** A share as written (0.2237, not the column's 0.223700), whether it was just sent or read back. */
    default BigDecimal share(BigDecimal share) {
        return share == null ? null : share.stripTrailingZeros();
    }
}
