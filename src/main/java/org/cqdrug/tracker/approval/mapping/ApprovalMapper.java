package org.cqdrug.tracker.approval.mapping;

import org.cqdrug.tracker.approval.Approval;
import org.cqdrug.tracker.approval.ApprovalType;
import org.cqdrug.tracker.approval.Authority;
import org.cqdrug.tracker.candidate.Candidate;

/** Moves data between the approval entity and its API records. */
public final class ApprovalMapper {

    private ApprovalMapper() {
    }

    public static ApprovalView toView(Approval a) {
        return new ApprovalView(a.id, a.candidate.id, a.authority, a.approvedOn, a.approvalNumber, a.registrationClass,
                a.category, a.approvalType, a.indication, a.sourceUrl, a.createdAt, a.updatedAt, a.version);
    }

    /**
     * Fills the approval from the input. Class, category and indication left out are snapshotted from the candidate
     * on first recording and kept as they were on a later update.
     */
    public static void apply(ApprovalInput in, Candidate candidate, Approval a) {
        a.candidate = candidate;
        a.authority = in.authority() == null ? Authority.NMPA : in.authority();
        a.approvedOn = in.approvedOn();
        a.approvalNumber = in.approvalNumber();
        a.registrationClass = firstNonNull(in.registrationClass(), a.registrationClass, candidate.registrationClass);
        a.category = firstNonNull(in.category(), a.category, candidate.category);
        a.approvalType = in.approvalType() == null ? ApprovalType.STANDARD : in.approvalType();
        a.indication = firstNonNull(in.indication(), a.indication, candidate.indication);
        a.sourceUrl = in.sourceUrl();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
