package org.cqdrug.tracker.source.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.hibernate.Session;

/**
 * What the record holds that a document's rows can match, read once for a proposal in a few queries, and what the
 * document's earlier rows propose, so that a later row sees a candidate or a sponsor an earlier one creates.
 * Matching reads only this.
 */
final class RecordIndex {

    /** A known or proposed organization; a proposed one has no id but the line that creates it. */
    static final class Org {
        UUID id;
        int createdByLine;
        String name;
        String regionCode;
    }

    static final class Milestone {
        UUID id;
        Phase phase;
        LocalDate reachedOn;
        Evidence evidence;
    }

    static final class Approval {
        UUID id;
        Cand candidate;
        String number;
        LocalDate approvedOn;
        Evidence evidence;

        /** Not yet confirmed, or confirmed without its number: what an official list can complete. */
        boolean awaitingList() {
            return evidence != Evidence.CONFIRMED || number == null;
        }
    }

    /** A known or proposed candidate. */
    static final class Cand {
        UUID id;
        int createdByLine;
        Org sponsor;
        Set<String> nameKeys = new LinkedHashSet<>();
        String registrationClass;
        Category category;
        Phase phase;
        List<String> acceptanceNumbers = new ArrayList<>();
        Set<String> designations = new LinkedHashSet<>();
        List<Milestone> milestones = new ArrayList<>();
        List<Approval> approvals = new ArrayList<>();
    }

    private final Map<UUID, Org> orgs = new HashMap<>();
    private final Map<String, List<Org>> orgsByName = new HashMap<>();
    private final Map<UUID, Cand> candidates = new HashMap<>();
    private final Map<String, Cand> byAcceptanceNumber = new HashMap<>();
    private final Map<String, List<Cand>> bySponsorAndName = new HashMap<>();
    private final Map<String, Approval> approvalsByNumber = new HashMap<>();

    /** What a document's rows name, read in a first pass over the file: the index loads only what they can match. */
    static final class Keys {
        final Set<String> acceptanceNumbers = new HashSet<>();
        final Set<String> approvalNumbers = new HashSet<>();
        final Set<String> companies = new HashSet<>();
    }

    /**
     * Loads every organization (names are matched after cleaning, which SQL cannot do), and of the record only what
     * the rows can match: the candidates holding one of their acceptance numbers, the approvals with one of their
     * approval numbers and their candidates, and the candidates of the organizations they name; with those
     * candidates' milestones and approvals. Memory follows the document, not the size of the record.
     */
    static RecordIndex load(EntityManager em, Keys keys) {
        RecordIndex index = new RecordIndex();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement orgs = connection.prepareStatement("select id, name, name_zh, region_code from organization");
                    ResultSet rows = orgs.executeQuery()) {
                while (rows.next()) {
                    Org org = new Org();
                    org.id = rows.getObject(1, UUID.class);
                    org.name = rows.getString(2);
                    org.regionCode = rows.getString(4);
                    index.orgs.put(org.id, org);
                    index.nameOrg(org, rows.getString(2));
                    index.nameOrg(org, rows.getString(3));
                }
            }
            List<UUID> named = keys.companies.stream().map(OrganizationNames::key).flatMap(key -> index.orgsByName.getOrDefault(key, List.of()).stream())
                    .map(org -> org.id).distinct().toList();
            String candidates = "select c.id from candidate c where c.sponsor_id = any(?)"
                    + " union select a.candidate_id from acceptance_number a where a.number = any(?)"
                    + " union select p.candidate_id from approval p where p.authority = 'NMPA' and p.approval_number = any(?)";
            try (PreparedStatement select = connection.prepareStatement("select id, sponsor_id, name, name_zh,"
                    + " registration_class, category, phase, array_to_string(designations, ','),"
                    + " array_to_string(acceptance_numbers, ',') from candidate where id in (" + candidates + ")")) {
                select.setArray(1, connection.createArrayOf("uuid", named.toArray()));
                select.setArray(2, connection.createArrayOf("text", keys.acceptanceNumbers.toArray()));
                select.setArray(3, connection.createArrayOf("text", keys.approvalNumbers.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Cand cand = new Cand();
                        cand.id = rows.getObject(1, UUID.class);
                        cand.sponsor = index.orgs.get(rows.getObject(2, UUID.class));
                        addName(cand, rows.getString(3));
                        addName(cand, rows.getString(4));
                        cand.registrationClass = rows.getString(5);
                        cand.category = Category.valueOf(rows.getString(6));
                        cand.phase = Phase.valueOf(rows.getString(7));
                        cand.designations.addAll(listed(rows.getString(8)));
                        index.candidates.put(cand.id, cand);
                        index.register(cand);
                        for (String number : listed(rows.getString(9))) {
                            index.addNumber(cand, number);
                        }
                    }
                }
            }
            Object[] loaded = index.candidates.keySet().toArray();
            try (PreparedStatement select = connection.prepareStatement("select id, candidate_id, phase, reached_on,"
                    + " evidence from milestone where candidate_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", loaded));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Milestone milestone = new Milestone();
                        milestone.id = rows.getObject(1, UUID.class);
                        milestone.phase = Phase.valueOf(rows.getString(3));
                        milestone.reachedOn = rows.getObject(4, LocalDate.class);
                        milestone.evidence = Evidence.valueOf(rows.getString(5));
                        index.candidates.get(rows.getObject(2, UUID.class)).milestones.add(milestone);
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select id, candidate_id, approval_number,"
                    + " approved_on, evidence from approval where authority = 'NMPA' and candidate_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", loaded));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Approval approval = new Approval();
                        approval.id = rows.getObject(1, UUID.class);
                        approval.candidate = index.candidates.get(rows.getObject(2, UUID.class));
                        approval.number = rows.getString(3);
                        approval.approvedOn = rows.getObject(4, LocalDate.class);
                        approval.evidence = Evidence.valueOf(rows.getString(5));
                        approval.candidate.approvals.add(approval);
                        if (approval.number != null) {
                            index.approvalsByNumber.put(approval.number, approval);
                        }
                    }
                }
            }
        });
        return index;
    }

    private static List<String> listed(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static void addName(Cand cand, String name) {
        if (name != null && !DrugNames.key(name).isEmpty()) {
            cand.nameKeys.add(DrugNames.key(name));
        }
    }

    private void nameOrg(Org org, String name) {
        if (name != null) {
            List<Org> named = orgsByName.computeIfAbsent(OrganizationNames.key(name), key -> new ArrayList<>());
            if (!named.contains(org)) {
                named.add(org);
            }
        }
    }

    private void register(Cand cand) {
        if (cand.sponsor != null) {
            cand.nameKeys.forEach(key -> bySponsorAndName.computeIfAbsent(sponsorKey(cand.sponsor) + "|" + key,
                    k -> new ArrayList<>()).add(cand));
        }
    }

    private static String sponsorKey(Org org) {
        return org.id != null ? org.id.toString() : "line " + org.createdByLine;
    }

    List<Org> organizationsNamed(String name) {
        return orgsByName.getOrDefault(OrganizationNames.key(name), List.of());
    }

    /** A known organization whose name starts the company's, or the company's starts its: likely the same one. */
    Optional<Org> closeOrganization(String company) {
        String key = OrganizationNames.key(company);
        return orgsByName.entrySet().stream()
                .filter(entry -> entry.getKey().length() >= 4 && (key.startsWith(entry.getKey()) || entry.getKey().startsWith(key)))
                .flatMap(entry -> entry.getValue().stream()).filter(org -> org.id != null).findFirst();
    }

    /** The approval is known by a new number from now on. */
    void renumber(Approval approval, String number) {
        if (approval.number != null) {
            approvalsByNumber.remove(approval.number);
        }
        approval.number = number;
        approvalsByNumber.put(number, approval);
    }

    Cand byAcceptanceNumber(String number) {
        return byAcceptanceNumber.get(number);
    }

    Approval approval(String number) {
        return approvalsByNumber.get(number);
    }

    /** Candidates of a sponsor of that name (any organization of that name) whose name is the drug's. */
    List<Cand> byNameAndSponsor(String drugName, String company) {
        List<Cand> found = new ArrayList<>();
        String key = DrugNames.key(drugName);
        for (Org org : organizationsNamed(company)) {
            found.addAll(bySponsorAndName.getOrDefault(sponsorKey(org) + "|" + key, List.of()));
        }
        return found.stream().distinct().toList();
    }

    Org proposeOrganization(int line, String name, String regionCode) {
        Org org = new Org();
        org.createdByLine = line;
        org.name = name;
        org.regionCode = regionCode;
        nameOrg(org, name);
        return org;
    }

    Cand proposeCandidate(int line, Org sponsor, String drugName, ListedClass listed, Phase phase) {
        Cand cand = new Cand();
        cand.createdByLine = line;
        cand.sponsor = sponsor;
        addName(cand, drugName);
        cand.registrationClass = listed.registrationClass();
        cand.category = listed.category();
        cand.phase = phase;
        register(cand);
        return cand;
    }

    void addNumber(Cand cand, String number) {
        if (!cand.acceptanceNumbers.contains(number)) {
            cand.acceptanceNumbers.add(number);
        }
        byAcceptanceNumber.put(number, cand);
    }

    void addMilestone(Cand cand, Phase phase, LocalDate reachedOn) {
        Milestone milestone = new Milestone();
        milestone.phase = phase;
        milestone.reachedOn = reachedOn;
        milestone.evidence = Evidence.CONFIRMED;
        cand.milestones.add(milestone);
    }

    void addApproval(Cand cand, String number, LocalDate approvedOn) {
        Approval approval = new Approval();
        approval.candidate = cand;
        approval.number = number;
        approval.approvedOn = approvedOn;
        approval.evidence = Evidence.CONFIRMED;
        cand.approvals.add(approval);
        approvalsByNumber.put(number, approval);
    }
}
