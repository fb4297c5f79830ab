package org.cqdrug.tracker.target.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.target.Metric;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.cqdrug.tracker.testsupport.Generated;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The target rules, for any years, bounds and region: a rule is reported exactly when it is broken. */
@Tag(Lanes.UNIT)
class TargetInputPropertiesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final long SEED = 1004L;
    private static final String NAME = "seed " + SEED + " #{index} {arguments}";

    private static Set<String> invalidFields(TargetInput input) {
        return VALIDATOR.validate(input).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    /** A value in [min, max]; a quarter of them next to or equal to {@code near}, so that ties and flips are common. */
    private static int between(Random random, int min, int max, int near) {
        int value = random.nextInt(4) == 0 ? near - 1 + random.nextInt(3) : min + random.nextInt(max - min + 1);
        return Math.max(min, Math.min(max, value));
    }

    /** Every combination of the bounds and their neighbours (256), then 1,000 years and bounds in range. */
    static Stream<Arguments> yearsAndBounds() {
        List<Arguments> edges = new ArrayList<>();
        for (int from : new int[] {2000, 2001, 2099, 2100}) {
            for (int to : new int[] {2000, 2001, 2099, 2100}) {
                for (int min : new int[] {0, 1, 999, 1000}) {
                    for (int max : new int[] {0, 1, 999, 1000}) {
                        edges.add(Arguments.of(from, to, min, max));
                    }
                }
            }
        }
        return Stream.concat(edges.stream(), Generated.cases(SEED, 1000, random -> {
            int from = between(random, 2000, 2100, 2050);
            int min = between(random, 0, 1000, 500);
            return Arguments.of(from, between(random, 2000, 2100, from), min, between(random, 0, 1000, min));
        }));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("yearsAndBounds")
    void yearsAndBoundsAreRefusedExactlyWhenInconsistent(int from, int to, int min, int max) {
        Set<String> invalid = invalidFields(new TargetInput("t", "Target", null, "CN-CQ", null, Metric.CLASS1_APPROVALS, null,
                from, to, null, min, max, null, null, null, null, null, null, null));
        Supplier<String> message = () -> "seed " + SEED + ": years " + from + "-" + to + ", band " + min + "-" + max
                + " gave " + invalid;
        assertEquals(from > to, invalid.contains("toYear"), message);
        assertEquals(max < min, invalid.contains("annualMax"), message);
        assertEquals(from <= to && max >= min, invalid.isEmpty(), message);
    }

    private static final List<String> REGIONS = List.of("", " ", "CN", "CN-CQ", "CN-C", "CN-C1Q", "US-NY1", "CN-",
            "CN-CQ12", "CNX", "C", "cn-cq", "Cn-CQ", "CN_CQ", "CN CQ", "CN-CQ ", " CN-CQ", "CN\n", "CN-CQ\n", "CN--CQ",
            "CN-重庆", "重庆", "ＣＮ", "CN-cq", "CN-ÇQ", "\u0000", "CNCN-CQ", "12-34", "CN-12", "XX-999", "AA");

    /**
     * Each edge region, with and without a cluster; then 1,000 regions of up to 8 chars: any text (two fifths), the
     * pattern's own chars (two fifths), or a well-formed code (a fifth), one in three of those with one char changed.
     */
    static Stream<Arguments> regionsAndClusters() {
        Stream<Arguments> edges = REGIONS.stream().flatMap(region -> Stream.of(Arguments.of(region, true),
                Arguments.of(region, false)));
        return Stream.concat(edges, Generated.cases(SEED, 1000, random -> Arguments.of(region(random), random.nextBoolean())));
    }

    private static String region(Random random) {
        int kind = random.nextInt(5);
        if (kind < 2) {
            return Generated.text(random, 0, 8);
        }
        if (kind < 4) {
            return Generated.text(random, 0, 8, "ABCNQZ-0129ac重 ");
        }
        StringBuilder code = new StringBuilder(Generated.text(random, 2, 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        if (random.nextBoolean()) {
            code.append('-').append(Generated.text(random, 1, 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"));
        }
        if (random.nextInt(3) == 0) {
            code.setCharAt(random.nextInt(code.length()), "a-0 _重".charAt(random.nextInt(6)));
        }
        return code.toString();
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("regionsAndClusters")
    void aTargetNeedsARegionOrAClusterAndAWellFormedRegion(String region, boolean withCluster) {
        String regionCode = region.isEmpty() ? null : region;
        Set<String> invalid = invalidFields(new TargetInput("t", "Target", null, regionCode,
                withCluster ? new UUID(SEED, 1) : null, Metric.CLASS1_APPROVALS, null, 2025, 2027, null, 1, 3, null, null,
                null, null, null, null, null));
        boolean wellFormed = regionCode == null || regionCode.matches(RegionCodes.PATTERN);
        boolean scoped = regionCode != null || withCluster;
        assertEquals(!wellFormed || !scoped, invalid.contains("regionCode"),
                () -> "seed " + SEED + ": region '" + region + "', cluster " + withCluster + " gave " + invalid);
    }
}
