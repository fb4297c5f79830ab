package org.cqdrug.tracker.source.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.source.ChangeAction;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filter and paging of a changeset, which comes in line order. */
public class ChangeFilter {

    @QueryParam("action")
    @Parameter(description = "Only changes of this action, such as NEEDS_REVIEW")
    public ChangeAction action;

    @QueryParam("limit")
    @DefaultValue("" + PageParams.DEFAULT_LIMIT)
    @Min(1)
    @Max(PageParams.MAX_LIMIT)
    @Parameter(description = "Page size, 1 to 500", example = "50")
    public int limit = PageParams.DEFAULT_LIMIT;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from the previous page's nextCursor; omit it for the first page")
    public String cursor;
}
