package org.cqdrug.tracker.approval.service;

import static org.cqdrug.tracker.testsupport.ServiceCalls.ifMatch;
import static org.cqdrug.tracker.testsupport.ServiceCalls.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.candidate.Modality;
import org.cqdrug.tracker.candidate.mapping.CandidateInput;
import org.cqdrug.tracker.candidate.mapping.CandidateView;
import org.cqdrug.tracker.candidate.mapping.MilestoneInput;
import org.cqdrug.tracker.candidate.mapping.MilestoneView;
import org.cqdrug.tracker.candidate.service.CandidateService;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.organization.OrganizationKind;
import org.cqdrug.tracker.organization.mapping.OrganizationInput;
import org.cqdrug.tracker.organization.service.OrganizationService;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The approval's snapshot, as ApprovalService's Javadoc states it, and the APPROVED milestone it writes, called as the
 * resource calls the service. Class, category and indication do not follow later edits of the candidate; left out,
 * they are copied from the candidate when the approval is recorded or moves to another candidate, and kept otherwise;
 * on a move a value sent unchanged from the stored snapshot is re-copied, one sent different is kept.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class ApprovalSnapshotTest {

    private static final LocalDate APPROVED_ON = LocalDate.of(2025, 2, 2);

    @Inject
    ApprovalService approvals;

    @Inject
    CandidateService candidates;

    @Inject
    OrganizationService organizations;

    @Test
    void recordingCopiesWhatIsLeftOutFromTheCandidateAndWritesAnApprovedMilestone() {
        UUID sponsor = sponsor();
        UUID candidate = candidate(sponsor, "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");
        String number = TestData.unique("国药准字S");
        ApprovalView approval = approvals.create(input(candidate, number, null, null, null));

        assertEquals("1", approval.registrationClass());
        assertEquals(Category.THERAPEUTIC_BIOLOGIC, approval.category());
        assertEquals("Plaque psoriasis", approval.indication());
        assertEquals(Authority.NMPA, approval.authority());
        assertEquals(Evidence.CONFIRMED, approval.evidence());
        assertSnapshot(read(() -> approvals.find(approval.id())).orElseThrow(), "1", Category.THERAPEUTIC_BIOLOGIC,
                "Plaque psoriasis");

        assertEquals(Phase.APPROVED, phase(candidate));
        List<MilestoneView> history = milestones(candidate);
        assertEquals(2, history.size());
        MilestoneView written = history.get(1);
        assertEquals(Phase.APPROVED, written.phase());
        assertEquals(APPROVED_ON, written.reachedOn());
        assertEquals(approval.id(), written.approvalId());
        assertEquals(Evidence.CONFIRMED, written.evidence());
        // The number and the source stay on the approval, so that editing them rewrites no history entry.
        assertEquals("Approved by NMPA (the approval it names holds the number and the source)", written.note());
        assertNull(written.sourceUrl());
    }

    @Test
    void valuesSentWhenRecordingAreTheClientsOwn() {
        UUID candidate = candidate(sponsor(), "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");
        ApprovalView approval = approvals.create(input(candidate, TestData.unique("N"), "1.1",
                Category.PREVENTIVE_BIOLOGIC, "Adult plaque psoriasis"));
        assertEquals("1.1", approval.registrationClass());
        assertEquals(Category.PREVENTIVE_BIOLOGIC, approval.category());
        assertEquals("Adult plaque psoriasis", approval.indication());
    }

    @Test
    void laterEditsOfTheCandidateDoNotChangeTheSnapshot() {
        UUID sponsor = sponsor();
        CandidateInput before = candidateInput(sponsor, "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");
        UUID candidate = candidates.create(before).id();
        String number = TestData.unique("N");
        ApprovalView approval = approvals.create(input(candidate, number, null, null, null));

        editCandidate(candidate, before, "2.2", Category.CHEMICAL, "Gout");
        assertEquals("2.2", read(() -> candidates.find(candidate)).orElseThrow().registrationClass());
        assertSnapshot(read(() -> approvals.find(approval.id())).orElseThrow(), "1", Category.THERAPEUTIC_BIOLOGIC,
                "Plaque psoriasis");

        // Changing the approval on the same candidate with the three left out keeps the stored snapshot: they are
        // copied only when the approval is recorded or moves.
        ApprovalView changed = approvals.replace(approval.id(),
                input(candidate, TestData.unique("N"), null, null, null), ifMatch(approval.version())).orElseThrow();
        assertSnapshot(changed, "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");

        // Sending them back as read keeps them too.
        ApprovalView resent = approvals.replace(approval.id(), input(candidate, changed.approvalNumber(),
                changed.registrationClass(), changed.category(), changed.indication()), ifMatch(changed.version()))
                .orElseThrow();
        assertSnapshot(resent, "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");

        // A value sent different on the same candidate is the client's correction.
        ApprovalView corrected = approvals.replace(approval.id(), input(candidate, changed.approvalNumber(), "1.2",
                null, null), ifMatch(resent.version())).orElseThrow();
        assertSnapshot(corrected, "1.2", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");
    }

    @Test
    void movingToAnotherCandidateCopiesWhatIsLeftOutFromIt() {
        UUID sponsor = sponsor();
        UUID first = candidate(sponsor, "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");
        UUID second = candidate(sponsor, "2.2", Category.CHEMICAL, "Gout");
        String number = TestData.unique("N");
        ApprovalView approval = approvals.create(input(first, number, null, null, null));

        ApprovalView moved = approvals.replace(approval.id(), input(second, number, null, null, null),
                ifMatch(approval.version())).orElseThrow();
        assertEquals(second, moved.candidateId());
        assertSnapshot(moved, "2.2", Category.CHEMICAL, "Gout");
        // The APPROVED milestone moved with it: the first candidate is back where its history leaves it.
        assertEquals(Phase.NDA_SUBMITTED, phase(first));
        assertEquals(1, milestones(first).size());
        assertEquals(Phase.APPROVED, phase(second));
        assertEquals(List.of(approval.id()), milestones(second).stream().map(MilestoneView::approvalId)
                .filter(java.util.Objects::nonNull).toList());
    }

    @Test
    void movingReCopiesValuesSentUnchangedFromTheSnapshot() {
        UUID sponsor = sponsor();
        UUID first = candidate(sponsor, "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");
        UUID second = candidate(sponsor, "2.2", Category.CHEMICAL, "Gout");
        ApprovalView read = approvals.create(input(first, TestData.unique("N"), null, null, null));

        // A client that reads the approval, changes its candidateId and sends it back.
        ApprovalView moved = approvals.replace(read.id(), input(second, read.approvalNumber(),
                read.registrationClass(), read.category(), read.indication()), ifMatch(read.version())).orElseThrow();
        assertSnapshot(moved, "2.2", Category.CHEMICAL, "Gout");
    }

    @Test
    void movingKeepsAValueSentDifferentFromTheSnapshot() {
        UUID sponsor = sponsor();
        UUID first = candidate(sponsor, "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");
        UUID second = candidate(sponsor, "2.2", Category.CHEMICAL, "Gout");
        ApprovalView read = approvals.create(input(first, TestData.unique("N"), null, null, null));

        // Class sent different from the snapshot (kept), category sent as read (re-copied), indication left out
        // (copied).
        ApprovalView moved = approvals.replace(read.id(), input(second, read.approvalNumber(), "1.1",
                read.category(), null), ifMatch(read.version())).orElseThrow();
        assertSnapshot(moved, "1.1", Category.CHEMICAL, "Gout");
    }

    @Test
    void deletingTheApprovalDeletesItsMilestoneAndReDerivesThePhase() {
        UUID candidate = candidate(sponsor(), "1", Category.THERAPEUTIC_BIOLOGIC, "Plaque psoriasis");
        candidates.addMilestone(candidate, new MilestoneInput(Phase.NDA_SUBMITTED, LocalDate.of(2024, 2, 1), null,
                null, null, null)).orElseThrow();
        ApprovalView approval = approvals.create(input(candidate, TestData.unique("N"), null, null, null));
        assertEquals(Phase.APPROVED, phase(candidate));
        assertEquals(1, TestData.count("select count(*) from milestone where approval_id = ?", approval.id()));

        assertTrue(approvals.delete(approval.id(), ifMatch(approval.version())));
        assertTrue(read(() -> approvals.find(approval.id())).isEmpty());
        assertEquals(0, TestData.count("select count(*) from milestone where approval_id = ?", approval.id()));
        assertEquals(Phase.NDA_SUBMITTED, phase(candidate));
        assertEquals(List.of(Phase.NDA_SUBMITTED, Phase.NDA_SUBMITTED),
                milestones(candidate).stream().map(MilestoneView::phase).toList());
    }

    private static void assertSnapshot(ApprovalView approval, String registrationClass, Category category,
            String indication) {
        assertEquals(registrationClass, approval.registrationClass(), "registrationClass");
        assertEquals(category, approval.category(), "category");
        assertEquals(indication, approval.indication(), "indication");
    }

    private static ApprovalInput input(UUID candidate, String number, String registrationClass, Category category,
            String indication) {
        return new ApprovalInput(candidate, null, APPROVED_ON, number, registrationClass, category, null, null,
                indication, "https://www.nmpa.gov.cn/approval", Evidence.CONFIRMED, null, null, null, null, null);
    }

    private UUID sponsor() {
        return organizations.create(new OrganizationInput(TestData.unique("Org"), "测试公司", OrganizationKind.COMPANY,
                "CN-HB", null, null, null)).id();
    }

    private static CandidateInput candidateInput(UUID sponsor, String registrationClass, Category category,
            String indication) {
        return new CandidateInput(TestData.unique("AS"), "testimab", "测试单抗", sponsor, null, category,
                registrationClass, Modality.ANTIBODY, "Immunology", indication, null, null, Phase.NDA_SUBMITTED, null, null, null,
                LocalDate.of(2020, 1, 1), null, null, null);
    }

    private UUID candidate(UUID sponsor, String registrationClass, Category category, String indication) {
        return candidates.create(candidateInput(sponsor, registrationClass, category, indication)).id();
    }

    /** Replaces the candidate's class, category and indication, as a PUT of the candidate would. */
    private void editCandidate(UUID id, CandidateInput was, String registrationClass, Category category,
            String indication) {
        CandidateView current = read(() -> candidates.find(id)).orElseThrow();
        candidates.replace(id, new CandidateInput(was.code(), was.name(), was.nameZh(), was.sponsorId(),
                was.clusterId(), category, registrationClass, was.modality(), was.therapeuticArea(), indication,
                was.indicationZh(), was.aliases(), current.phase(), was.designations(), was.acceptanceNumbers(), was.expectedDecisionOn(), was.phaseReachedOn(), was.sourceUrl(),
                was.note(), current.version()), ifMatch(current.version())).orElseThrow();
    }

    private Phase phase(UUID candidate) {
        return read(() -> candidates.find(candidate)).orElseThrow().phase();
    }

    private List<MilestoneView> milestones(UUID candidate) {
        return read(() -> candidates.milestones(candidate)).orElseThrow();
    }
}
