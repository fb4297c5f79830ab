package org.cqdrug.tracker.target.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The rules of a target that span fields: it has a scope (a region, a cluster or both), its years run forwards, and
 * its annual maximum is not below its minimum. Each broken rule is reported on the field to fix.
 */
@Documented
@Constraint(validatedBy = ConsistentTarget.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentTarget {

    String message() default "is not a consistent target";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentTarget, TargetInput> {

        @Override
        public boolean isValid(TargetInput in, ConstraintValidatorContext context) {
            if (in == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (in.regionCode() == null && in.clusterId() == null) {
                valid = broken(context, "regionCode", "or clusterId must be given to scope the target");
            }
            if (in.fromYear() != null && in.toYear() != null && in.fromYear() > in.toYear()) {
                valid = broken(context, "toYear", "must not be before fromYear");
            }
            if (in.annualMin() != null && in.annualMax() != null && in.annualMax() < in.annualMin()) {
                valid = broken(context, "annualMax", "must be greater than or equal to annualMin");
            }
            return valid;
        }

        private static boolean broken(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
