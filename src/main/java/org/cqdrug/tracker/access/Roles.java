package org.cqdrug.tracker.access;

/** {@link Role} names as constants, for {@code @RolesAllowed}. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String EDITOR = "EDITOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
