package org.cqdrug.minimal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/notes/count")
public class NoteResource {

    @GET
    public long count() {
        return Note.count();
    }
}
