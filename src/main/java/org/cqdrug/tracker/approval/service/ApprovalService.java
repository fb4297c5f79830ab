package org.cqdrug.tracker.approval.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.approval.Approval;
import org.cqdrug.tracker.approval.Authority;
import org.cqdrug.tracker.approval.mapping.ApprovalFilter;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalMapper;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Category;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.candidate.Phase;
import org.cqdrug.tracker.candidate.service.PhaseHistory;
import org.cqdrug.tracker.common.References;
import org.cqdrug.tracker.common.Versions;
import org.cqdrug.tracker.common.paging.FacetCount;
import org.cqdrug.tracker.common.paging.Facets;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.problem.ApiProblem;

/** Approvals and the APPROVED milestone each one writes into its candidate's history, kept in step in one transaction. */
@ApplicationScoped
@Transactional
public class ApprovalService {

    static final Listing<Approval> LISTING = new Listing<>(Approval.class,
            SortKey.of("approvedOn", "e.approvedOn", LocalDate.class),
            SortKey.of("approvalNumber", "e.approvalNumber", String.class),
            SortKey.of("authority", "e.authority", Authority.class),
            SortKey.of("category", "e.category", Category.class),
            SortKey.of("registrationClass", "e.registrationClass", String.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    public static final Map<String, String> FACETS = Facets.of(
            "year", "year(e.approvedOn)",
            "authority", "e.authority",
            "category", "e.category",
            "registrationClass", "e.registrationClass");

    private final PhaseHistory history;

    public ApprovalService(PhaseHistory history) {
        this.history = history;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApprovalView> list(ApprovalFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, ApprovalMapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FacetCount> facets(ApprovalFilter filter, String field) {
        return LISTING.facets(filter.criteria(), field, FACETS);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<ApprovalView>> export(ApprovalFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, ApprovalMapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApprovalView> find(UUID id) {
        return Approval.<Approval>findByIdOptional(id).map(ApprovalMapper::toView);
    }

    public ApprovalView create(ApprovalInput input) {
        history.requireNotFuture(input.approvedOn(), "approvedOn");
        Candidate candidate = candidate(input);
        Approval approval = new Approval();
        ApprovalMapper.apply(input, candidate, approval);
        requireFreeNumber(approval.authority, approval.approvalNumber, null);
        approval.persistAndFlush();
        history.record(candidate, Phase.APPROVED, approval.approvedOn, approval.sourceUrl, milestoneNote(approval),
                approval.id);
        return ApprovalMapper.toView(approval);
    }

    public Optional<ApprovalView> replace(UUID id, ApprovalInput input) {
        history.requireNotFuture(input.approvedOn(), "approvedOn");
        return Approval.<Approval>findByIdOptional(id).map(approval -> {
            Versions.requireCurrent(approval, input.version(), "Approval");
            Candidate before = approval.candidate;
            Candidate after = candidate(input);
            String milestoneBefore = milestoneKey(approval);
            ApprovalMapper.apply(input, after, approval);
            requireFreeNumber(approval.authority, approval.approvalNumber, id);
            Approval.flush();
            // History is never edited: when what the milestone says changes, it is replaced by one that matches.
            if (!milestoneKey(approval).equals(milestoneBefore)) {
                Milestone.delete("approvalId", id);
                history.record(after, Phase.APPROVED, approval.approvedOn, approval.sourceUrl, milestoneNote(approval), id);
            }
            if (before != after) {
                history.refresh(before);
            }
            return ApprovalMapper.toView(approval);
        });
    }

    /** Deletes the approval with the milestone it wrote (the database cascades it) and re-derives the phase. */
    public boolean delete(UUID id) {
        Optional<Candidate> candidate = Approval.<Approval>findByIdOptional(id).map(a -> a.candidate);
        if (candidate.isEmpty()) {
            return false;
        }
        Approval.delete("id", id);
        Approval.flush();
        history.refresh(candidate.get());
        return true;
    }

    private static Candidate candidate(ApprovalInput input) {
        return References.required(Candidate.class, input.candidateId(), "candidateId", "candidate");
    }

    static void requireFreeNumber(Authority authority, String number, UUID self) {
        Optional<Approval> holder = Approval.<Approval>find("authority = ?1 and approvalNumber = ?2", authority, number)
                .firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            throw ApiProblem.conflict(authority + " approval number '" + number + "' is already recorded (id "
                    + holder.get().id + ")");
        }
    }

    private static String milestoneKey(Approval approval) {
        return approval.candidate.id + "|" + approval.approvedOn + "|" + approval.sourceUrl + "|" + milestoneNote(approval);
    }

    private static String milestoneNote(Approval approval) {
        return "Approved by " + approval.authority + ", " + approval.approvalNumber;
    }
}
