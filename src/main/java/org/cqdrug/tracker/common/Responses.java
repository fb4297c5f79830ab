package org.cqdrug.tracker.common;

import java.util.UUID;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** Shapes of successful answers shared by every resource. */
public final class Responses {

    private Responses() {
    }

    /** 201 with the new row in the body and its address in {@code Location}. */
    public static <T> RestResponse<T> created(UriInfo uri, UUID id, T body) {
        return RestResponse.ResponseBuilder.<T>created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(body).build();
    }
}
