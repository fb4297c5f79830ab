package org.cqdrug.tracker.common;

import org.cqdrug.tracker.common.problem.ApiProblem;

/** Optimistic locking for full updates: a client that sends the version it read must still hold the current one. */
public final class Versions {

    private Versions() {
    }

    public static void requireCurrent(TrackedEntity entity, Long expected, String what) {
        if (expected != null && expected != entity.version) {
            throw ApiProblem.staleVersion(what + " " + entity.id + " is at version " + entity.version
                    + " but the update was based on version " + expected + "; read it again and retry");
        }
    }
}
