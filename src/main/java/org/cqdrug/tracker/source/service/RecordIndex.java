package org.cqdrug.tracker.source.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.source.read.Text;

/**
 * What the record holds, read once for a proposal in a few queries, and what the document's earlier rows propose,
 * so that a later row sees a candidate or a sponsor an earlier one creates. Matching reads only this.
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

    static RecordIndex load(EntityManager em) {
        RecordIndex index = new RecordIndex();
        for (Object[] row : SqlRows.list(em, "select id, name, name_zh, region_code from organization", Map.of())) {
            Org org = new Org();
            org.id = (UUID) row[0];
            org.name = (String) row[1];
            org.regionCode = (String) row[3];
            index.orgs.put(org.id, org);
            index.nameOrg(org, (String) row[1]);
            index.nameOrg(org, (String) row[2]);
        }
        for (Object[] row : SqlRows.list(em, "select id, sponsor_id, name, name_zh, registration_class, category, phase,"
                + " array_to_string(designations, ','), array_to_string(acceptance_numbers, ',') from candidate", Map.of())) {
            Cand cand = new Cand();
            cand.id = (UUID) row[0];
            cand.sponsor = index.orgs.get((UUID) row[1]);
            addName(cand, (String) row[2]);
            addName(cand, (String) row[3]);
            cand.registrationClass = (String) row[4];
            cand.category = Category.valueOf((String) row[5]);
            cand.phase = Phase.valueOf((String) row[6]);
            cand.designations.addAll(listed((String) row[7]));
            index.candidates.put(cand.id, cand);
            index.register(cand);
            for (String number : listed((String) row[8])) {
                index.addNumber(cand, number);
            }
        }
        for (Object[] row : SqlRows.list(em, "select id, candidate_id, phase, reached_on, evidence from milestone",
                Map.of())) {
            Milestone milestone = new Milestone();
            milestone.id = (UUID) row[0];
            milestone.phase = Phase.valueOf((String) row[2]);
            milestone.reachedOn = SqlRows.date(row[3]);
            milestone.evidence = Evidence.valueOf((String) row[4]);
            index.candidates.get((UUID) row[1]).milestones.add(milestone);
        }
        for (Object[] row : SqlRows.list(em, "select id, candidate_id, approval_number, approved_on, evidence"
                + " from approval where authority = 'NMPA'", Map.of())) {
            Approval approval = new Approval();
            approval.id = (UUID) row[0];
            approval.candidate = index.candidates.get((UUID) row[1]);
            approval.number = (String) row[2];
            approval.approvedOn = SqlRows.date(row[3]);
            approval.evidence = Evidence.valueOf((String) row[4]);
            approval.candidate.approvals.add(approval);
            index.approvalsByNumber.put(approval.number, approval);
        }
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
            List<Org> named = orgsByName.computeIfAbsent(Text.key(name), key -> new ArrayList<>());
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
        return orgsByName.getOrDefault(Text.key(name), List.of());
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
