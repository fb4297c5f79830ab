package org.cqdrug.tracker.source.mapping;

import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.source.ChangeAction;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of a changeset. */
public class ChangeFilter {

    @QueryParam("action")
    @Parameter(description = "Only changes of this action, such as NEEDS_REVIEW")
    public ChangeAction action;
}
