package org.cqdrug.tracker.web;

import java.util.Map;

/** Plain-language messages for the database's named constraints, for clashes that reach the database. */
final class ConstraintMessages {

    private static final Map<String, String> UNIQUE = Map.of(
            "cluster_code_uk", "A cluster with this code already exists",
            "target_code_uk", "A target with this code already exists",
            "approval_authority_number_uk", "This authority already has an approval with this approval number",
            "candidate_sponsor_code_uk", "This sponsor already has a candidate with this code",
            "approval_one_new_drug_uk", "This candidate already holds its first approval by this authority; record a"
                    + " later one with kind NEW_INDICATION or SUPPLEMENT");

    private ConstraintMessages() {
    }

    static String unique(String constraint) {
        return UNIQUE.getOrDefault(constraint, "A record with the same unique values already exists (" + constraint + ")");
    }

    /**
     * PostgreSQL names foreign keys {@code <table>_<column>_fkey}; a violation that gets this far is a delete
     * of a row that other rows still point at.
     */
    static String foreignKey(String constraint) {
        String reference = constraint.endsWith("_fkey") ? constraint.substring(0, constraint.length() - 5) : constraint;
        int split = reference.indexOf('_');
        String table = split > 0 ? reference.substring(0, split) : reference;
        return "Other records still refer to this one (" + table + " rows, constraint " + constraint
                + "); delete or reassign them first";
    }
}
