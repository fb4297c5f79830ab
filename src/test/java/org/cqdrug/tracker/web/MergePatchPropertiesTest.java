package org.cqdrug.tracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cqdrug.tracker.testsupport.Generated;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON Merge Patch (RFC 7396) laws, for any flat object and patch. */
@Tag(Lanes.UNIT)
class MergePatchPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MergePatch PATCHES = new MergePatch(JSON);
    private static final long SEED = 1003L;
    private static final String NAME = "seed " + SEED + " #{index} {arguments}";
    private static final int[] EDGE_INTS = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE - 1,
            Integer.MAX_VALUE};

    /**
     * A map of {@code min} to 6 fields: names of 1 to {@code maxName} chars, half of them any text and half from a few
     * letters so that a row and a patch share fields; values any int, an edge int (a fifth) or null (a tenth).
     */
    private static Map<String, Integer> fields(Random random, int min, int maxName) {
        int size = min + random.nextInt(7 - min);
        Map<String, Integer> fields = new LinkedHashMap<>();
        while (fields.size() < size) {
            String name = random.nextBoolean() ? Generated.text(random, 1, maxName)
                    : Generated.text(random, 1, Math.min(maxName, 2), "ab重");
            int kind = random.nextInt(10);
            fields.put(name, kind == 0 ? null : kind < 3 ? EDGE_INTS[random.nextInt(EDGE_INTS.length)] : random.nextInt());
        }
        return fields;
    }

    /** The empty row, a null field, each edge text of 1 to 5 chars as a field alone and all together; then 500 rows. */
    static Stream<Map<String, Integer>> rows() {
        List<String> names = Generated.EDGE_TEXTS.stream().filter(name -> !name.isEmpty() && name.length() <= 5).toList();
        List<Map<String, Integer>> edges = new ArrayList<>(List.of(Map.of(), Collections.singletonMap("a", null)));
        Map<String, Integer> all = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            edges.add(Map.of(names.get(i), EDGE_INTS[i % EDGE_INTS.length]));
            all.put(names.get(i), i % 3 == 0 ? null : EDGE_INTS[i % EDGE_INTS.length]);
        }
        edges.add(all);
        return Stream.concat(edges.stream(), Generated.cases(SEED, 500, random -> fields(random, 0, 5)));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("rows")
    void anEmptyPatchChangesNothing(Map<String, Integer> row) throws Exception {
        assertEquals(JSON.valueToTree(row), PATCHES.apply(row, JSON.createObjectNode(), JsonNode.class), "seed " + SEED);
    }

    /** Empty, identical, overlapping, null-only and disjoint pairs of edge fields, then 500 pairs. */
    static Stream<Arguments> rowsAndChanges() {
        Map<String, Integer> row = new HashMap<>(Map.of("a", 1, "重", Integer.MAX_VALUE, "\u0000", 0));
        row.put("\"", null);
        Map<String, Integer> clears = new HashMap<>();
        clears.put("a", null);
        clears.put("重", null);
        clears.put("absent", null);
        Stream<Arguments> edges = Stream.of(Arguments.of(Map.of(), Map.of()), Arguments.of(row, Map.of()),
                Arguments.of(Map.of(), row), Arguments.of(row, row), Arguments.of(row, clears), Arguments.of(Map.of(), clears),
                Arguments.of(row, Map.of("a", Integer.MIN_VALUE, "\\", -1, "重庆", 0)),
                Arguments.of(Map.of("ab", 2), Map.of("a", 3, "b", 4)));
        return Stream.concat(edges, Generated.cases(SEED, 500, random -> Arguments.of(fields(random, 0, 3),
                fields(random, 0, 3))));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("rowsAndChanges")
    void applyingAPatchTwiceIsApplyingItOnce(Map<String, Integer> row, Map<String, Integer> changes) throws Exception {
        JsonNode patch = JSON.valueToTree(changes);
        JsonNode once = PATCHES.apply(row, patch, JsonNode.class);
        assertEquals(once, PATCHES.apply(once, patch, JsonNode.class), "seed " + SEED);
        changes.forEach((field, value) -> assertEquals(value == null ? null : JSON.valueToTree(value), once.get(field),
                () -> "seed " + SEED + ": " + field + " in " + once));
    }

    /** Each edge field alone and beside others, then 500 rows of 1 to 6 fields; each names the field to clear. */
    static Stream<Arguments> rowsAndAField() {
        Stream<Arguments> edges = Generated.EDGE_TEXTS.stream().filter(name -> !name.isEmpty() && name.length() <= 3)
                .flatMap(name -> {
                    Map<String, Integer> beside = new HashMap<>(Map.of("x", 1, "重", Integer.MIN_VALUE));
                    beside.put(name, null);
                    return Stream.of(Arguments.of(Map.of(name, 0), name), Arguments.of(beside, name));
                });
        return Stream.concat(edges, Generated.cases(SEED, 500, random -> {
            Map<String, Integer> row = fields(random, 1, 3);
            return Arguments.of(row, new ArrayList<>(row.keySet()).get(random.nextInt(row.size())));
        }));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("rowsAndAField")
    void aNullInThePatchClearsTheField(Map<String, Integer> row, String field) throws Exception {
        ObjectNode patch = JSON.createObjectNode();
        patch.putNull(field);
        patch.putObject("nested").put("inner", 1);
        JsonNode patched = PATCHES.apply(row, patch, JsonNode.class);
        assertEquals(false, patched.has(field), () -> "seed " + SEED + ": " + patched);
        assertEquals(1, patched.get("nested").get("inner").asInt(), "seed " + SEED);
    }
}
