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
import org.cqdrug.tracker.common.Violations;
import org.cqdrug.tracker.target.TargetKind;

/**
 * The rules of a target that span fields: it has a scope (a region, a cluster or both), its years run forwards, its
 * annual maximum is not below its minimum, and it sets the fields of its kind (annual bounds, or a total goal) and
 * no others. Each broken rule is reported on the field to fix.
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
                valid = Violations.broken(context, "regionCode", "or clusterId must be given to scope the target");
            }
            if (in.fromYear() != null && in.toYear() != null && in.fromYear() > in.toYear()) {
                valid = Violations.broken(context, "toYear", "must not be before fromYear");
            }
            if (in.annualMin() != null && in.annualMax() != null && in.annualMax() < in.annualMin()) {
                valid = Violations.broken(context, "annualMax", "must be greater than or equal to annualMin");
            }
            if (in.kind() == TargetKind.TOTAL) {
                if (in.totalGoal() == null) {
                    valid = Violations.broken(context, "totalGoal", "must be given for a TOTAL target");
                }
                for (String annualOnly : annualFieldsSet(in)) {
                    valid = Violations.broken(context, annualOnly, "is for ANNUAL targets; leave it out of a TOTAL one");
                }
            } else {
                if (in.annualMin() == null) {
                    valid = Violations.broken(context, "annualMin", "must be given for an ANNUAL target");
                }
                if (in.totalGoal() != null || in.countFrom() != null) {
                    valid = Violations.broken(context, in.totalGoal() != null ? "totalGoal" : "countFrom",
                            "is for TOTAL targets; send kind: TOTAL");
                }
            }
            return valid;
        }

        private static java.util.List<String> annualFieldsSet(TargetInput in) {
            java.util.List<String> fields = new java.util.ArrayList<>();
            if (in.annualMin() != null) {
                fields.add("annualMin");
            }
            if (in.annualMax() != null) {
                fields.add("annualMax");
            }
            if (in.cumulativeMin() != null) {
                fields.add("cumulativeMin");
            }
            return fields;
        }
    }
}
