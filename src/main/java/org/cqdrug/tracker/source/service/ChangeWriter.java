package org.cqdrug.tracker.source.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.service.ApprovalService;
import org.cqdrug.tracker.candidate.Modality;
import org.cqdrug.tracker.candidate.mapping.CandidateInput;
import org.cqdrug.tracker.candidate.mapping.MilestoneInput;
import org.cqdrug.tracker.candidate.service.CandidateService;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.organization.OrganizationKind;
import org.cqdrug.tracker.organization.mapping.OrganizationInput;
import org.cqdrug.tracker.organization.service.OrganizationService;
import org.cqdrug.tracker.source.SourceDocument;

/**
 * Writes a reviewed changeset through the features' own services, so that every rule they keep (phase history,
 * unique numbers, audit history, the change counter) holds for imported facts as for typed ones. Runs inside the
 * apply's one transaction; the persistence context is cleared every few hundred rows so that a long list costs
 * the same per row from the first to the last.
 */
@RetriedOnConflict
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeWriter {

    private static final int CLEAR_EVERY = 200;

    private final CandidateService candidates;
    private final ApprovalService approvals;
    private final OrganizationService organizations;
    private final EntityManager em;

    public ChangeWriter(CandidateService candidates, ApprovalService approvals, OrganizationService organizations,
            EntityManager em) {
        this.candidates = candidates;
        this.approvals = approvals;
        this.organizations = organizations;
        this.em = em;
    }

    /** Writes every change that writes; answers the candidates created, by the line that created them. */
    Map<Integer, UUID> write(SourceDocument document, Iterable<Proposed> changes) {
        UUID documentId = document.id;
        String url = document.url;
        String kind = document.kind.name();
        Map<Integer, UUID> createdCandidates = new HashMap<>();
        Map<Integer, UUID> createdOrganizations = new HashMap<>();
        int written = 0;
        for (Proposed change : changes) {
            if (!change.action().writes()) {
                continue;
            }
            Map<String, Object> after = change.after();
            UUID candidate = change.candidateId() != null ? change.candidateId()
                    : createdCandidates.get((Integer) after.get("candidateCreatedByLine"));
            String note = "From " + kind + " (source document " + documentId + "), line " + change.line();
            switch (change.action()) {
                case CREATE_CANDIDATE -> {
                    UUID sponsor = after.containsKey("sponsorId") ? UUID.fromString((String) after.get("sponsorId"))
                            : createdOrganizations.computeIfAbsent((Integer) after.get("sponsorCreatedByLine"),
                                    line -> organizations.create(new OrganizationInput((String) after.get("sponsorName"),
                                            (String) after.get("sponsorName"), OrganizationKind.COMPANY,
                                            (String) after.get("sponsorRegionCode"), null, url, null)).id());
                    String reachedOn = (String) after.get("phaseReachedOn");
                    UUID created = candidates.create(new CandidateInput((String) after.get("code"), null,
                            (String) after.get("nameZh"), sponsor, null, Category.valueOf((String) after.get("category")),
                            (String) after.get("registrationClass"), Modality.OTHER, null, null, null, null,
                            Phase.valueOf((String) after.get("phase")), List.of(), numbers(after), null,
                            reachedOn == null ? null : LocalDate.parse(reachedOn), url,
                            note + "; the code is its first acceptance number, the list giving no sponsor's code",
                            null), documentId).id();
                    createdCandidates.put(change.line(), created);
                }
                case ADD_ACCEPTANCE_NUMBER -> candidates.addIdentifiers(candidate, numbers(after), List.of());
                case ADD_MILESTONE -> {
                    candidates.addMilestone(candidate, new MilestoneInput(Phase.NDA_SUBMITTED,
                            LocalDate.parse((String) after.get("reachedOn")), url, note, Evidence.CONFIRMED, null),
                            documentId);
                    candidates.addIdentifiers(candidate, numbers(after), List.of());
                }
                case CREATE_APPROVAL -> {
                    candidates.addIdentifiers(candidate, numbers(after), List.of());
                    approvals.create(new ApprovalInput(candidate, null, LocalDate.parse((String) after.get("approvedOn")),
                            (String) after.get("approvalNumber"), null, null, null, null, null, url, Evidence.CONFIRMED, null, null,
                            note, null, null), documentId);
                }
                case SET_DESIGNATION -> candidates.addIdentifiers(candidate, numbers(after),
                        strings(after.get("designations")));
                case RAISE_EVIDENCE -> {
                    if (after.containsKey("milestoneId")) {
                        candidates.confirmMilestone(UUID.fromString((String) after.get("milestoneId")), url, documentId);
                        candidates.addIdentifiers(candidate, numbers(after), List.of());
                    } else {
                        String on = (String) after.get("approvedOn");
                        approvals.confirm(change.approvalId(), after.containsKey("datePrecision") ? LocalDate.parse(on)
                                : null, (String) after.get("approvalNumber"), url, documentId);
                        candidates.addIdentifiers(candidate, numbers(after), List.of());
                    }
                }
                default -> throw new IllegalStateException("not a writing action: " + change.action());
            }
            if (++written % CLEAR_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
        return createdCandidates;
    }

    private static List<String> numbers(Map<String, Object> after) {
        return strings(after.get("acceptanceNumbers"));
    }

    private static List<String> strings(Object list) {
        return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
