package org.cqdrug.tracker.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.cqdrug.tracker.testsupport.Generated;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cursors and search patterns, for any input a client can send. */
@Tag(Lanes.UNIT)
class PagingPropertiesTest {

    private static final long SEED = 1002L;
    private static final String NAME = "seed " + SEED + " #{index} {arguments}";

    /** Each edge text as the sort, as the only value and as all five values, then 1,000 of up to 5 values of any text. */
    static Stream<Arguments> sortsAndValues() {
        Stream<Arguments> edges = Generated.EDGE_TEXTS.stream().flatMap(edge -> Stream.of(
                Arguments.of(edge, List.of()), Arguments.of(edge, List.of(edge)),
                Arguments.of("code", Collections.nCopies(5, edge))));
        return Stream.concat(edges, Generated.cases(SEED, 1000, random -> Arguments.of(Generated.text(random, 0, 255),
                IntStream.range(0, random.nextInt(6)).mapToObj(i -> Generated.text(random, 0, 255)).toList())));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("sortsAndValues")
    void aCursorGivesBackTheSortAndValuesItWasMadeOf(String sort, List<String> values) {
        assertEquals(values, Cursors.decode(Cursors.encode(sort, values), sort, values.size()), "seed " + SEED);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<String> JSON_PARTS = List.of("\"k2\"", "\"k1\"", "\"code\"", "\"name\"", "\"a\"", "null",
            "1", "true", "[]", "{}", "[\"k2\"]", "\"\"", "\"重庆\"");

    /**
     * No cursor, the edge texts, and tampered cursors: JSON shapes a forger might encode, a real cursor in the
     * standard alphabet and padded, and nesting past the parser's limit; then 2,000, a quarter each: any text, base64
     * chars, real cursors with one char changed, dropped, added or cut off, and encoded JSON arrays (half of them
     * starting as a real one does).
     */
    static Stream<String> cursors() {
        String real = Cursors.encode("code", List.of("a"));
        List<String> edges = new ArrayList<>(Generated.EDGE_TEXTS);
        edges.add(null);
        for (String json : List.of("", "[]", "[\"k2\"]", "[\"k2\",\"code\"]", "[\"k2\",\"code\",\"a\"]",
                "[\"k2\",\"code\",null]", "[\"k2\",null,\"a\"]", "[null,\"code\",\"a\"]", "[\"k2\",\"name\",\"a\"]",
                "[\"k1\",\"code\",\"a\"]", "[\"k2\",\"code\",\"a\",\"b\"]", "[\"k2\",\"code\",1]", "[\"k2\",\"code\",[]]",
                "[\"k2\",\"code\",{}]", "null", "{}", "\"k2\"", "1", "[", "[\"k2\",\"code\",\"a\"]]",
                "[\"k2\",\"code\",\"a\"] x", "[\"k2\",\"code\",\"\\ud800\"]", "[".repeat(2000) + "]".repeat(2000))) {
            edges.add(base64(json));
        }
        edges.add(Base64.getEncoder().encodeToString("[\"k2\",\"code\",\"a\"]".getBytes(StandardCharsets.UTF_8)));
        edges.add(real + "==");
        edges.add(real.substring(0, real.length() - 1));
        edges.add(" " + real);
        edges.add(Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xFE, '[', ']'}));
        return Stream.concat(edges.stream(), Generated.cases(SEED, 2000, PagingPropertiesTest::cursor));
    }

    private static String cursor(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Generated.text(random, 0, 255);
            case 1 -> Generated.text(random, 0, 60, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/");
            case 2 -> {
                String sort = random.nextBoolean() ? "code" : Generated.text(random, 0, 8);
                List<String> values = IntStream.range(0, random.nextInt(4) == 0 ? 2 : 1)
                        .mapToObj(i -> Generated.text(random, 0, 8)).toList();
                StringBuilder tampered = new StringBuilder(Cursors.encode(sort, values));
                int at = random.nextInt(tampered.length());
                switch (random.nextInt(4)) {
                    case 0 -> tampered.setCharAt(at, "AQgw-_/+=".charAt(random.nextInt(9)));
                    case 1 -> tampered.deleteCharAt(at);
                    case 2 -> tampered.insert(at, (char) ('A' + random.nextInt(26)));
                    default -> tampered.setLength(at);
                }
                yield tampered.toString();
            }
            default -> {
                String json = "[" + (random.nextBoolean() ? "\"k2\",\"code\"," : "") + String.join(",", IntStream
                        .range(0, random.nextInt(4)).mapToObj(i -> JSON_PARTS.get(random.nextInt(JSON_PARTS.size()))).toList())
                        + "]";
                yield base64(random.nextInt(8) == 0 ? json.substring(0, random.nextInt(json.length())) : json);
            }
        };
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("cursors")
    void anyStringAsACursorIsEitherReadOrRefusedAsA400(String cursor) {
        try {
            Cursors.decode(cursor, "code", 1);
        } catch (ApiProblem problem) {
            assertEquals(ProblemType.VALIDATION, problem.type, "seed " + SEED);
        } catch (RuntimeException crash) {
            fail("seed " + SEED + ": " + crash, crash);
        }
    }

    /** The edge texts, wildcards and escapes side by side, 2,000 of any text, then 1,000 dense in them (seed + 1). */
    static Stream<String> searchTexts() {
        List<String> edges = new ArrayList<>(Generated.EDGE_TEXTS);
        for (String a : List.of("\\", "%", "_", "İ", "a")) {
            for (String b : List.of("\\", "%", "_", "İ", "a", "")) {
                edges.add(a + b);
            }
        }
        return Stream.of(edges.stream(), Generated.cases(SEED, 2000, random -> Generated.text(random, 0, 255)),
                Generated.cases(SEED + 1, 1000, random -> Generated.text(random, 0, 40, "\\%_aAİ重 ")))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("searchTexts")
    void searchTextNeverCarriesAnUnescapedWildcard(String text) {
        String pattern = Criteria.contains(text);
        String inner = pattern.substring(1, pattern.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                i++;
                assertTrue(i < inner.length() && "\\%_".indexOf(inner.charAt(i)) >= 0, "seed " + SEED + ": " + pattern);
            } else {
                assertTrue(c != '%' && c != '_', "seed " + SEED + ": " + pattern);
            }
        }
    }
}
