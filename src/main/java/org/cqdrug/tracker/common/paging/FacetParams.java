package org.cqdrug.tracker.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of a facet count: the field to count by, and how many values to answer at most. */
public class FacetParams {

    @QueryParam("field")
    @Parameter(description = "Field to count by; the operation's description lists them", required = true)
    public String field;

    @QueryParam("limit")
    @DefaultValue("" + PageParams.DEFAULT_LIMIT)
    @Min(1)
    @Max(PageParams.MAX_LIMIT)
    @Parameter(description = "Most values to answer, the most frequent first; 1 to 500", example = "50")
    public int limit = PageParams.DEFAULT_LIMIT;
}
