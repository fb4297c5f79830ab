package org.cqdrug.tracker.source.service;

import java.util.TreeMap;
import java.util.UUID;

import org.cqdrug.tracker.source.ChangeAction;

/**
 * One proposed change, before it is stored: the row's line and identifiers, the action, the record it touches (or,
 * for one an earlier row of the document creates, that row's line in {@code after}) and the values before and after,
 * keyed by the API's field names.
 */
record Proposed(int line, ChangeAction action, String acceptanceNumber, String approvalNumber, String drugName,
        String company, UUID candidateId, UUID approvalId, String reason, TreeMap<String, Object> before,
        TreeMap<String, Object> after) {

    /** What the digest of a changeset covers: everything but the free-text reason's wording. */
    String digestLine() {
        return line + "|" + action + "|" + acceptanceNumber + "|" + approvalNumber + "|" + candidateId + "|"
                + approvalId + "|" + before + "|" + after;
    }

    static TreeMap<String, Object> values(Object... keysAndValues) {
        TreeMap<String, Object> values = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                values.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return values;
    }
}
