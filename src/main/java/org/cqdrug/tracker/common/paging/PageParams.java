package org.cqdrug.tracker.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging query parameters every list endpoint takes. */
public class PageParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    @DefaultValue("" + DEFAULT_LIMIT)
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Page size, 1 to 500", example = "50")
    public int limit = DEFAULT_LIMIT;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from the previous page's nextCursor; omit it for the first page")
    public String cursor;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort fields, each optionally prefixed with - for descending, for example"
            + " -approvedOn,name; the operation's description lists the sortable fields. Default: creation order.",
            example = "-createdAt")
    public String sort;
}
