package org.cqdrug.tracker.common;

/** NMPA registration class as written on a registration certificate: "1", "1.1", "2.2", "3" and so on. */
public final class RegistrationClasses {

    public static final String PATTERN = "^[1-5](\\.[1-9][0-9]?)?$";

    public static final String MESSAGE = "must be an NMPA registration class such as 1, 1.1, 2.2 or 3";

    private RegistrationClasses() {
    }
}
