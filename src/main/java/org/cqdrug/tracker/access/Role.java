package org.cqdrug.tracker.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an API key may do, each role including the ones below it: VIEWER reads, EDITOR also records and changes the
 * facts (clusters, organizations, candidates, milestones, approvals, collaborations), ADMIN also sets targets,
 * deletes, and manages keys. Resources name the role they require with the constants of {@link Roles}.
 */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    /** The role names an identity with this role holds: its own and every role below it. */
    public Set<String> granted() {
        Set<String> names = new java.util.TreeSet<>();
        EnumSet.range(VIEWER, this).forEach(role -> names.add(role.name()));
        return names;
    }
}
