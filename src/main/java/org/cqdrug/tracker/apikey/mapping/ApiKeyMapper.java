package org.cqdrug.tracker.apikey.mapping;

import org.cqdrug.tracker.apikey.ApiKey;
import org.cqdrug.tracker.common.MapperDefaults;
import org.mapstruct.Mapper;

/** Moves data from the key entity to its API record. */
@Mapper(config = MapperDefaults.class)
public interface ApiKeyMapper {

    ApiKeyView toView(ApiKey key);
}
