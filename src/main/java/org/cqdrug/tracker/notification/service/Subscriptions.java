package org.cqdrug.tracker.notification.service;

import java.util.UUID;

import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.notification.Subscription;
import org.cqdrug.tracker.notification.mapping.EventFilter;
import org.cqdrug.tracker.target.Target;

/** The checks a webhook's and a watchlist's filter share: known types, and records that exist. */
final class Subscriptions {

    private Subscriptions() {
    }

    static void check(EventFilter filter) {
        Events.checkTypes("eventTypes", filter.eventTypes());
        exists("targetId", "target", filter.targetId(), Target.class);
        exists("clusterId", "cluster", filter.clusterId(), Cluster.class);
        exists("candidateId", "candidate", filter.candidateId(), Candidate.class);
    }

    private static void exists(String field, String what, UUID id, Class<?> type) {
        if (id != null && io.quarkus.hibernate.orm.panache.Panache.getEntityManager().find(type, id) == null) {
            throw ApiProblem.missingReference(field, what, id);
        }
    }

    /** A row of the caller's, or a 404 as if there were none. */
    static <T extends Subscription> T owned(T row, Caller caller, String what, UUID id) {
        if (row == null || !(caller.admin() || row.owner.equals(caller.name()))) {
            throw ApiProblem.notFound(what, id);
        }
        return row;
    }
}
