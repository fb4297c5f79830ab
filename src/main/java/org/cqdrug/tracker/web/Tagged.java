package org.cqdrug.tracker.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Answers that carry one row: its strong ETag is its version, the tag a change sends back in If-Match. */
public final class Tagged {

    private Tagged() {
    }

    /** 200 with the row and its ETag, or 304 when If-None-Match names that tag. */
    public static Response ok(Request request, Object row, long version) {
        EntityTag tag = new EntityTag(Long.toString(version));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : Response.ok(row, MediaType.APPLICATION_JSON_TYPE)).tag(tag).build();
    }

    /** 200 with the row as changed and its new ETag. */
    public static Response ok(Object row, long version) {
        return Response.ok(row, MediaType.APPLICATION_JSON_TYPE).tag(new EntityTag(Long.toString(version))).build();
    }
}
