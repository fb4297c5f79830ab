package org.cqdrug.tracker.common;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import org.cqdrug.tracker.common.problem.ApiProblem;

/** Resolves ids that a client's body refers to, answering 422 for an id that names nothing. */
public final class References {

    private References() {
    }

    public static <E> E required(Class<E> type, UUID id, String field, String what) {
        E found = id == null ? null : Panache.getEntityManager(type).find(type, id);
        if (found == null) {
            throw ApiProblem.missingReference(field, what, id);
        }
        return found;
    }

    public static <E> E optional(Class<E> type, UUID id, String field, String what) {
        return id == null ? null : required(type, id, field, what);
    }
}
