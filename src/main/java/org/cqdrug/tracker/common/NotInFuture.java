package org.cqdrug.tracker.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The date of something that happened: not after tomorrow in the service's calendar (a day of slack for time zones
 * and for news dated in China before it is dated elsewhere). History records what happened, and a future date would
 * pin a candidate's phase. Null passes.
 */
@Documented
@Constraint(validatedBy = NotInFuture.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotInFuture {

    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Singleton
    class Validator implements ConstraintValidator<NotInFuture, LocalDate> {

        // Looked up on use: validators are built while the service starts, before its configuration is readable.
        private final Provider<Clock> clock;

        public Validator(Provider<Clock> clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            Clock now = clock.get();
            LocalDate last = LocalDate.now(now).plusDays(1);
            if (value == null || !value.isAfter(last)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must not be in the future: the last date accepted today is "
                    + last + " (tomorrow in " + now.getZone().getId() + ", the service's calendar)")
                    .addConstraintViolation();
            return false;
        }
    }
}
