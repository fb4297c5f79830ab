package org.cqdrug.tracker.approval.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.approval.Approval;
import org.cqdrug.tracker.approval.Authority;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalMapper;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.candidate.Phase;
import org.cqdrug.tracker.candidate.service.PhaseHistory;
import org.cqdrug.tracker.common.References;
import org.cqdrug.tracker.common.Versions;
import org.cqdrug.tracker.common.paging.Keyset;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.problem.ApiProblem;

/** Approvals and the APPROVED milestone each one writes into its candidate's history, kept in step in one transaction. */
@ApplicationScoped
@Transactional
public class ApprovalService {

    private final PhaseHistory history;

    public ApprovalService(PhaseHistory history) {
        this.history = history;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApprovalView> list(PageParams page) {
        return Keyset.page(page, (where, sort, params) -> Approval.find(where, sort, params), ApprovalMapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApprovalView> find(UUID id) {
        return Approval.<Approval>findByIdOptional(id).map(ApprovalMapper::toView);
    }

    public ApprovalView create(ApprovalInput input) {
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
        return Approval.<Approval>findByIdOptional(id).map(approval -> {
            Versions.requireCurrent(approval, input.version(), "Approval");
            Candidate before = approval.candidate;
            Candidate after = candidate(input);
            ApprovalMapper.apply(input, after, approval);
            requireFreeNumber(approval.authority, approval.approvalNumber, id);
            Approval.flush();
            Milestone milestone = Milestone.<Milestone>find("approvalId", id).firstResult();
            if (milestone == null) {
                history.record(after, Phase.APPROVED, approval.approvedOn, approval.sourceUrl, milestoneNote(approval), id);
            } else {
                milestone.candidate = after;
                milestone.reachedOn = approval.approvedOn;
                milestone.sourceUrl = approval.sourceUrl;
                milestone.note = milestoneNote(approval);
                Milestone.flush();
                history.refresh(after);
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

    private static void requireFreeNumber(Authority authority, String number, UUID self) {
        Optional<Approval> holder = Approval.<Approval>find("authority = ?1 and approvalNumber = ?2", authority, number)
                .firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            throw ApiProblem.conflict(authority + " approval number '" + number + "' is already recorded (id "
                    + holder.get().id + ")");
        }
    }

    private static String milestoneNote(Approval approval) {
        return "Approved by " + approval.authority + ", " + approval.approvalNumber;
    }
}
