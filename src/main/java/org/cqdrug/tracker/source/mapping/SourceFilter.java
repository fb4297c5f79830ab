package org.cqdrug.tracker.source.mapping;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.source.DocumentStatus;
import org.cqdrug.tracker.source.SourceKind;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the source document list; all given filters must hold. */
public class SourceFilter {

    @QueryParam("kind")
    @Parameter(description = "Kind of list")
    public SourceKind kind;

    @QueryParam("status")
    @Parameter(description = "Whether its changeset is applied")
    public DocumentStatus status;

    @QueryParam("sha256")
    @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lower-case hex digits")
    @Parameter(description = "The document with these bytes")
    public String sha256;

    public Criteria criteria() {
        return new Criteria()
                .when(kind, "kind", "e.kind = :kind")
                .when(status, "status", "e.status = :status")
                .when(sha256, "sha256", "e.sha256 = :sha256");
    }
}
