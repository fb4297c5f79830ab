package org.cqdrug.tracker.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;

/**
 * A date known to a precision: the first day suits the precision (the first of a month, 1 January), and a RANGE
 * gives its latest day, after the first. Each broken rule is reported on the field to fix.
 */
@Documented
@Constraint(validatedBy = DateBounds.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DateBounds {

    String message() default "is not a consistent date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** An input with a roughly known date; its field names say where a problem is reported. */
    interface Dated {
        LocalDate firstDay();

        DatePrecision datePrecision();

        LocalDate latestDay();

        String firstDayField();

        String latestDayField();
    }

    class Validator implements ConstraintValidator<DateBounds, Dated> {

        @Override
        public boolean isValid(Dated in, ConstraintValidatorContext context) {
            if (in == null) {
                return true;
            }
            if (in.firstDay() == null) {
                boolean bare = in.datePrecision() == null && in.latestDay() == null;
                return bare || Violations.broken(context, in.firstDayField(), "must be given with datePrecision or "
                        + in.latestDayField());
            }
            DatePrecision precision = DatePrecision.orDay(in.datePrecision());
            boolean valid = true;
            String start = precision.problemWithStart(in.firstDay());
            if (start != null) {
                valid = Violations.broken(context, in.firstDayField(), start);
            }
            String latest = precision.problemWithLatest(in.firstDay(), in.latestDay());
            if (latest != null) {
                valid = Violations.broken(context, in.latestDayField(), latest);
            }
            return valid;
        }
    }
}
