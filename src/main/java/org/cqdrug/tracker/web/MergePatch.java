package org.cqdrug.tracker.web;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.common.problem.ApiProblem;

/**
 * JSON Merge Patch (RFC 7396): a PATCH body names the fields to change, null clears one, and the result is the input
 * a PUT would have sent, so it passes every rule a PUT does. The row as read supplies the rest, including its version,
 * so a row changed in between is refused like a stale PUT.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper json;

    public MergePatch(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The input a full update would send: the current row with the patch merged in. A field the input does not know
     * or a value of the wrong type fails as in a PUT body (the problem mapper answers 400 naming the field).
     */
    public <I> I apply(Object current, JsonNode patch, Class<I> input) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object naming the fields to change (RFC 7396)");
        }
        JsonNode merged = merge(json.valueToTree(current), patch);
        try {
            return BodyErrors.read(() -> json.treeToValue(merged, input));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
