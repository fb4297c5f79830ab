package org.cqdrug.tracker.common.vocabulary;

/** NMPA registration class as written on a registration certificate: "1", "1.1", "2.2", "3" and so on. */
public final class RegistrationClasses {

    public static final String PATTERN = "^[1-5](\\.[1-9][0-9]?)?$";

    public static final String MESSAGE = "must be an NMPA registration class such as 1, 1.1, 2.2 or 3";

    private RegistrationClasses() {
    }

    /**
     * The test of Class 1 in any category, "1" or a "1.x" subclass ("2.2" or "3" never), on a registration-class
     * column or attribute; it reads the same in SQL and HQL.
     */
    public static String class1(String column) {
        return "(" + column + " = '1' or " + column + " like '1.%')";
    }
}
