package org.cqdrug.tracker.published.mapping;

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

/** A published count's rules across fields: one scope (a region or a cluster), and a period that runs forwards. */
@Documented
@Constraint(validatedBy = ConsistentPublishedCount.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentPublishedCount {

    String message() default "is not a consistent published count";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentPublishedCount, PublishedCountInput> {

        @Override
        public boolean isValid(PublishedCountInput in, ConstraintValidatorContext context) {
            if (in == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if ((in.regionCode() == null) == (in.clusterId() == null)) {
                valid = Violations.broken(context, "regionCode", in.regionCode() == null
                        ? "must be given, or else clusterId: the region or cluster the count is about"
                        : "must not be given with clusterId: a count is about a region or a cluster, not both");
            }
            if (in.periodFrom() != null && in.periodTo() != null && in.periodTo().isBefore(in.periodFrom())) {
                valid = Violations.broken(context, "periodTo", "must not be before periodFrom");
            }
            return valid;
        }
    }
}
