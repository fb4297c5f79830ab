package org.cqdrug.tracker.source.mapping;

import org.cqdrug.tracker.common.MapperDefaults;
import org.cqdrug.tracker.source.SourceChange;
import org.cqdrug.tracker.source.SourceDocument;
import org.mapstruct.Mapper;

/** Moves data between source entities and their API records. */
@Mapper(config = MapperDefaults.class)
public interface SourceMapper {

    SourceDocumentView toView(SourceDocument document);

    SourceChangeView toView(SourceChange change);
}
