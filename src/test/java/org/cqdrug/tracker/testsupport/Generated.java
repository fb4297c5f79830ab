package org.cqdrug.tracker.testsupport;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seeded inputs for the property tests ({@code *PropertiesTest}): the same cases in every run, so a failure named
 * "seed S #i" is case i of seed S again. The tests list their edge cases first, then these.
 */
public final class Generated {

    /** Texts every rule over any string must hold for: empty, blank, control, quoting, wildcard, formula, CJK, long. */
    public static final List<String> EDGE_TEXTS = List.of("", " ", "\u0000", "\t", "\r", "\n", "\r\n", "a", "Z",
            "重", "重庆市", "创新药1类", "'", "''", "\"", "\\", "/", "%", "_", "=", "+", "-", "@", "=1+1", "@SUM(A1)",
            "\u00A0", "\u200B", "\u202E", "\uFEFF", "\uFFFD", "İ", "\uD83D\uDC8A", "\uD840\uDC00", "x".repeat(255),
            "重".repeat(255));

    private Generated() {
    }

    /** {@code count} values made one after another from one {@code new Random(seed)}. */
    public static <T> Stream<T> cases(long seed, int count, Function<Random, T> generator) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> generator.apply(random));
    }

    /**
     * A text of {@code min} to {@code max} chars, mostly short, over every BMP char but surrogates, noncharacters and
     * private use (any String a property library would give), with ASCII, control, CJK and surrogate pairs likelier.
     */
    public static String text(Random random, int min, int max) {
        int length = length(random, min, max);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int kind = random.nextInt(20);
            if (kind < 6) {
                text.append((char) (' ' + random.nextInt(95)));
            } else if (kind < 8) {
                text.append((char) (random.nextInt(33) == 32 ? 0x7F : random.nextInt(32)));
            } else if (kind < 12) {
                text.append((char) (0x4E00 + random.nextInt(0x9FFF - 0x4E00 + 1)));
            } else if (kind < 19 || length - text.length() < 2) {
                char c;
                do {
                    c = (char) random.nextInt(0x10000);
                } while (Character.isSurrogate(c) || (c >= 0xFDD0 && c <= 0xFDEF) || c >= 0xFFFE
                        || (c >= 0xE000 && c <= 0xF8FF));
                text.append(c);
            } else {
                text.appendCodePoint(random.nextBoolean() ? 0x1F300 + random.nextInt(0x700) : 0x20000 + random.nextInt(0xA6E0));
            }
        }
        return text.toString();
    }

    /** A text of {@code min} to {@code max} chars, mostly short, each drawn from {@code alphabet}. */
    public static String text(Random random, int min, int max, String alphabet) {
        int length = length(random, min, max);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Half the lengths up to 8, a third up to 40, the rest up to max, as property libraries favour short values. */
    private static int length(Random random, int min, int max) {
        int kind = random.nextInt(6);
        int upper = kind < 3 ? Math.min(max, 8) : kind < 5 ? Math.min(max, 40) : max;
        return min + random.nextInt(Math.max(upper, min) - min + 1);
    }
}
