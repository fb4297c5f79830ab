package org.cqdrug.tracker.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The benchmark's yardstick (src/bench/run): a constant JSON answer served by the same build through the same HTTP
 * stack as the API, so that each endpoint's throughput can be set against what Quarkus serves for nothing. It exists
 * only when {@code tracker.bench-ceiling} is true, as in the bench profile; otherwise it is a 404 like any unknown path.
 */
@Path("/bench/ceiling")
public class CeilingResource {

    /** What the yardstick answers. */
    public record Ceiling(String status) {
    }

    private static final Ceiling UP = new Ceiling("UP");

    private final boolean served;

    public CeilingResource(BenchConfig tracker) {
        this.served = tracker.benchCeiling();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Ceiling ceiling() {
        if (!served) {
            throw new NotFoundException();
        }
        return UP;
    }
}
