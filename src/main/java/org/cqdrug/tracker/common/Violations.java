package org.cqdrug.tracker.common;

import jakarta.validation.ConstraintValidatorContext;

/** How the class-level validators report a broken rule: on the field to fix, with their own message. */
public final class Violations {

    private Violations() {
    }

    /** Reports the message on the field instead of the constraint's default, and answers false (not valid). */
    public static boolean broken(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
