package org.cqdrug.tracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** JSON Merge Patch (RFC 7396) laws, for any flat object and patch. */
@Tag(Lanes.UNIT)
class MergePatchPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MergePatch PATCHES = new MergePatch(JSON);

    @Property(tries = 500)
    void anEmptyPatchChangesNothing(@ForAll @Size(max = 6) Map<@StringLength(min = 1, max = 5) String, Integer> row)
            throws Exception {
        assertEquals(JSON.valueToTree(row), PATCHES.apply(row, JSON.createObjectNode(), JsonNode.class));
    }

    @Property(tries = 500)
    void applyingAPatchTwiceIsApplyingItOnce(
            @ForAll @Size(max = 6) Map<@StringLength(min = 1, max = 3) String, Integer> row,
            @ForAll @Size(max = 6) Map<@StringLength(min = 1, max = 3) String, Integer> changes) throws Exception {
        JsonNode patch = JSON.valueToTree(changes);
        JsonNode once = PATCHES.apply(row, patch, JsonNode.class);
        assertEquals(once, PATCHES.apply(once, patch, JsonNode.class));
        changes.forEach((field, value) -> assertEquals(value == null ? null : JSON.valueToTree(value), once.get(field)));
    }

    @Property(tries = 500)
    void aNullInThePatchClearsTheField(
            @ForAll @Size(min = 1, max = 6) Map<@StringLength(min = 1, max = 3) String, Integer> row) throws Exception {
        String field = row.keySet().iterator().next();
        com.fasterxml.jackson.databind.node.ObjectNode patch = JSON.createObjectNode();
        patch.putNull(field);
        patch.putObject("nested").put("inner", 1);
        JsonNode patched = PATCHES.apply(row, patch, JsonNode.class);
        assertEquals(false, patched.has(field), patched::toString);
        assertEquals(1, patched.get("nested").get("inner").asInt());
    }
}
