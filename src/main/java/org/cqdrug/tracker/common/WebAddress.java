package org.cqdrug.tracker.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A source's address: an http or https URL of at most 2,000 characters, with no spaces; null passes. Anything else
 * (a javascript: or data: URL, a bare word) would be a link that cannot be followed, or one that runs code.
 */
@Documented
@Constraint(validatedBy = WebAddress.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WebAddress {

    int MAX_LENGTH = 2000;

    String message() default "must be an http:// or https:// address without spaces, at most 2000 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebAddress, String> {

        private static final Pattern ADDRESS = Pattern.compile("(?i)https?://\\S+");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (value.length() <= MAX_LENGTH && ADDRESS.matcher(value).matches());
        }
    }
}
