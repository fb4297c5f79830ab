package org.cqdrug.tracker.approval.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.cqdrug.tracker.common.Violations;
import org.cqdrug.tracker.approval.config.EvidenceConfig;
import org.cqdrug.tracker.approval.config.OfficialHosts;
import org.cqdrug.tracker.common.vocabulary.Evidence;

/**
 * An approval's evidence is earned, never assumed: CONFIRMED needs its official source in sourceUrl (an address at
 * one of {@link EvidenceConfig#officialHosts()}); left out, the level is REPORTED when the approval gives only a
 * report source, and must be stated otherwise.
 */
@Documented
@Constraint(validatedBy = EarnedEvidence.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EarnedEvidence {

    String message() default "claims more evidence than its sources give";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class Validator implements ConstraintValidator<EarnedEvidence, ApprovalInput> {

        /** The level an approval is recorded at: the one sent, or REPORTED for one sent with only a report source. */
        public static Evidence level(ApprovalInput input) {
            if (input.evidence() != null) {
                return input.evidence();
            }
            return input.sourceUrl() == null && input.reportSourceUrl() != null ? Evidence.REPORTED : null;
        }

        // Looked up when a value is checked: validators are built at start, before runtime configuration.
        private final Instance<EvidenceConfig> config;

        public Validator(Instance<EvidenceConfig> config) {
            this.config = config;
        }

        @Override
        public boolean isValid(ApprovalInput in, ConstraintValidatorContext context) {
            if (in == null) {
                return true;
            }
            Evidence level = level(in);
            if (level == null) {
                return Violations.broken(context, "evidence", "must be stated: CONFIRMED with the official source in sourceUrl,"
                        + " REPORTED with a company or press report (in reportSourceUrl, or left out with only that"
                        + " source) or UNCONFIRMED");
            }
            if (level == Evidence.CONFIRMED && !official(in.sourceUrl())) {
                return Violations.broken(context, "sourceUrl", (in.sourceUrl() == null ? "must name the official source"
                        : "is not an official source") + " of a CONFIRMED approval: the regulator's announcement or"
                        + " database entry, or"
                        + " a government notice (an address under " + String.join(", ", config.get().officialHosts())
                        + "); a company or press report goes in reportSourceUrl with evidence REPORTED");
            }
            return true;
        }

        private boolean official(String address) {
            return OfficialHosts.official(address, config.get().officialHosts());
        }
    }
}
