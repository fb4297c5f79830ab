package org.cqdrug.tracker.target.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.target.Metric;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** The target rules, for any years, bounds and region: a rule is reported exactly when it is broken. */
@Tag(Lanes.UNIT)
class TargetInputPropertiesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static Set<String> invalidFields(TargetInput input) {
        return VALIDATOR.validate(input).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @Property(tries = 1000)
    void yearsAndBoundsAreRefusedExactlyWhenInconsistent(@ForAll @IntRange(min = 2000, max = 2100) int from,
            @ForAll @IntRange(min = 2000, max = 2100) int to, @ForAll @IntRange(min = 0, max = 1000) int min,
            @ForAll @IntRange(min = 0, max = 1000) int max) {
        Set<String> invalid = invalidFields(new TargetInput("t", "Target", null, "CN-CQ", null, Metric.CLASS1_APPROVALS, null,
                from, to, null, min, max, null, null, null, null, null, null, null));
        assertEquals(from > to, invalid.contains("toYear"), invalid::toString);
        assertEquals(max < min, invalid.contains("annualMax"), invalid::toString);
        assertEquals(from <= to && max >= min, invalid.isEmpty(), invalid::toString);
    }

    @Property(tries = 1000)
    void aTargetNeedsARegionOrAClusterAndAWellFormedRegion(@ForAll @StringLength(max = 8) String region,
            @ForAll boolean withCluster) {
        String regionCode = region.isEmpty() ? null : region;
        Set<String> invalid = invalidFields(new TargetInput("t", "Target", null, regionCode,
                withCluster ? UUID.randomUUID() : null, Metric.CLASS1_APPROVALS, null, 2025, 2027, null, 1, 3, null, null,
                null, null, null, null, null));
        boolean wellFormed = regionCode == null || regionCode.matches(RegionCodes.PATTERN);
        boolean scoped = regionCode != null || withCluster;
        assertEquals(!wellFormed || !scoped, invalid.contains("regionCode"), invalid::toString);
    }
}
