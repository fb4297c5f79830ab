package org.cqdrug.tracker.candidate.service;

import static org.cqdrug.tracker.testsupport.ServiceCalls.ifMatch;
import static org.cqdrug.tracker.testsupport.ServiceCalls.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.approval.service.ApprovalService;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Modality;
import org.cqdrug.tracker.candidate.mapping.CandidateInput;
import org.cqdrug.tracker.candidate.mapping.CandidateView;
import org.cqdrug.tracker.candidate.mapping.MilestoneInput;
import org.cqdrug.tracker.candidate.mapping.MilestoneView;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.ProblemType;
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
 * The phase-history rule (PhaseHistory, through CandidateService as the resource calls it), without HTTP: the phase
 * follows the latest dated milestone, a step back in development is refused, the only entry and an approval's entry
 * cannot be deleted, deleting re-derives the phase, and undated entries come first. Each test makes its own sponsor
 * and candidate, so it reads only its own rows.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class PhaseHistoryTest {

    @Inject
    CandidateService candidates;

    @Inject
    PhaseHistory history;

    @Inject
    OrganizationService organizations;

    @Inject
    ApprovalService approvals;

    @Test
    void recordingMilestonesDerivesThePhaseFromTheLatestDatedOne() {
        UUID id = candidate(Phase.PHASE_1, LocalDate.of(2020, 1, 1));
        assertEquals(Phase.PHASE_1, phase(id));

        MilestoneView phase2 = add(id, Phase.PHASE_2, LocalDate.of(2025, 3, 1));
        assertEquals(id, phase2.candidateId());
        assertEquals(Evidence.CONFIRMED, phase2.evidence());
        assertEquals(Phase.PHASE_2, phase(id));

        // Back-filling an earlier, lower phase is history, not a step back, and does not move the current phase.
        add(id, Phase.PHASE_1, LocalDate.of(2023, 1, 10));
        assertEquals(Phase.PHASE_2, phase(id));

        add(id, Phase.PHASE_3, LocalDate.of(2026, 2, 1));
        assertEquals(Phase.PHASE_3, phase(id));
        List<MilestoneView> entries = milestones(id);
        assertEquals(List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 1, 10), LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 2, 1)), entries.stream().map(MilestoneView::reachedOn).toList());
        assertEquals(List.of(Phase.PHASE_1, Phase.PHASE_1, Phase.PHASE_2, Phase.PHASE_3),
                entries.stream().map(MilestoneView::phase).toList());
    }

    @Test
    void aStepBackInDevelopmentIsRefusedWithA422NamingTheEntryItClashesWith() {
        UUID id = candidate(Phase.PHASE_3, LocalDate.of(2020, 1, 1));
        UUID phase3 = milestones(id).get(0).id();

        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> add(id, Phase.PHASE_1, LocalDate.of(2021, 6, 1)));
        assertEquals(ProblemType.RULE_VIOLATION, problem.type);
        assertEquals(422, problem.type.status);
        assertEquals("Field 'phase' would put PHASE_1 after PHASE_3 in development: milestone " + phase3
                + " is PHASE_3 on 2020-01-01; send regression: true if the candidate really went back, as into a new"
                + " trial", problem.getMessage());
        assertEquals(1, problem.errors.size());
        assertEquals("phase", problem.errors.get(0).field());
        // Refused means nothing written.
        assertEquals(1, milestones(id).size());
        assertEquals(Phase.PHASE_3, phase(id));

        // The client saying it means it records the step back, and the phase follows it.
        candidates.addMilestone(id, new MilestoneInput(Phase.PHASE_1, LocalDate.of(2021, 6, 1), null, "new trial",
                null, true)).orElseThrow();
        assertEquals(Phase.PHASE_1, phase(id));
        // DISCONTINUED is never a step back.
        add(id, Phase.DISCONTINUED, LocalDate.of(2021, 7, 1));
        assertEquals(Phase.DISCONTINUED, phase(id));
    }

    @Test
    void backFillingAFurtherPhaseBeforeAnEarlierOneIsAStepBackToo() {
        UUID id = candidate(Phase.PHASE_2, LocalDate.of(2024, 1, 1));
        UUID phase2 = milestones(id).get(0).id();

        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> add(id, Phase.NDA_SUBMITTED, LocalDate.of(2023, 1, 1)));
        assertEquals(ProblemType.RULE_VIOLATION, problem.type);
        assertEquals(422, problem.type.status);
        assertTrue(problem.getMessage().startsWith("Field 'phase' would put PHASE_2 after NDA_SUBMITTED in"
                + " development: milestone " + phase2 + " is PHASE_2 on 2024-01-01"), problem.getMessage());
        assertEquals(1, milestones(id).size());
        assertEquals(Phase.PHASE_2, phase(id));

        add(id, Phase.PHASE_1, LocalDate.of(2023, 1, 1));
        assertEquals(Phase.PHASE_2, phase(id));
    }

    @Test
    void theOnlyMilestoneCannotBeDeleted() {
        UUID id = candidate(Phase.PHASE_1, LocalDate.of(2020, 1, 1));
        MilestoneView only = milestones(id).get(0);

        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> candidates.deleteMilestone(id, only.id(), ifMatch(only.version())));
        assertEquals(ProblemType.CONFLICT, problem.type);
        assertEquals(409, problem.type.status);
        assertEquals("This is the candidate's only milestone; record the right phase first, then delete this one",
                problem.getMessage());
        assertEquals(List.of(only.id()), milestones(id).stream().map(MilestoneView::id).toList());
        assertEquals(Phase.PHASE_1, phase(id));
    }

    @Test
    void aMilestoneAnApprovalWroteCannotBeDeleted() {
        UUID id = candidate(Phase.NDA_SUBMITTED, LocalDate.of(2024, 1, 1));
        ApprovalView approval = approvals.create(new ApprovalInput(id, null, LocalDate.of(2025, 5, 5),
                TestData.unique("国药准字S"), null, null, null, null, null, "https://www.nmpa.gov.cn/approval",
                org.cqdrug.tracker.common.vocabulary.Evidence.CONFIRMED, null, null,
                null, null, null));
        MilestoneView written = milestones(id).stream().filter(m -> approval.id().equals(m.approvalId()))
                .findFirst().orElseThrow();
        assertEquals(Phase.APPROVED, written.phase());

        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> candidates.deleteMilestone(id, written.id(), ifMatch(written.version())));
        assertEquals(ProblemType.CONFLICT, problem.type);
        assertEquals(409, problem.type.status);
        assertEquals("This milestone was written by approval " + approval.id()
                + "; delete or change that approval instead", problem.getMessage());
        assertEquals(2, milestones(id).size());
        assertEquals(Phase.APPROVED, phase(id));
    }

    @Test
    void deletingAMilestoneReDerivesThePhase() {
        UUID id = candidate(Phase.PHASE_1, LocalDate.of(2020, 1, 1));
        MilestoneView phase2 = add(id, Phase.PHASE_2, LocalDate.of(2024, 1, 1));
        MilestoneView phase3 = add(id, Phase.PHASE_3, LocalDate.of(2025, 1, 1));
        assertEquals(Phase.PHASE_3, phase(id));

        assertTrue(candidates.deleteMilestone(id, phase3.id(), ifMatch(phase3.version())));
        assertEquals(Phase.PHASE_2, phase(id));
        assertTrue(read(() -> candidates.milestone(id, phase3.id())).isEmpty());

        assertTrue(candidates.deleteMilestone(id, phase2.id(), ifMatch(phase2.version())));
        assertEquals(Phase.PHASE_1, phase(id));
        assertEquals(List.of(Phase.PHASE_1), milestones(id).stream().map(MilestoneView::phase).toList());

        // A milestone of another candidate is not this candidate's to delete.
        UUID other = candidate(Phase.PHASE_1, LocalDate.of(2020, 1, 1));
        MilestoneView foreign = add(other, Phase.PHASE_2, LocalDate.of(2024, 1, 1));
        assertFalse(candidates.deleteMilestone(id, foreign.id(), ifMatch(foreign.version())));
        assertEquals(Phase.PHASE_2, phase(other));
    }

    @Test
    void anUndatedStartComesFirstAndADatedMilestoneOutranksIt() {
        UUID id = candidate(Phase.PHASE_3, null);
        assertNull(milestones(id).get(0).reachedOn());
        assertEquals(Phase.PHASE_3, phase(id));

        add(id, Phase.NDA_SUBMITTED, LocalDate.of(2026, 3, 1));
        assertEquals(Phase.NDA_SUBMITTED, phase(id));
        List<MilestoneView> entries = milestones(id);
        assertEquals(List.of(Phase.PHASE_3, Phase.NDA_SUBMITTED), entries.stream().map(MilestoneView::phase).toList());
        assertNull(entries.get(0).reachedOn());
    }

    /**
     * An undated entry recorded after dated ones (as an import may write it) still orders first, and does not move
     * the phase off the latest dated entry. PhaseHistory is written to inside its caller's transaction.
     */
    @Test
    void anUndatedEntryRecordedLaterStillOrdersFirst() {
        UUID id = candidate(Phase.PHASE_1, LocalDate.of(2020, 1, 1));
        add(id, Phase.PHASE_2, LocalDate.of(2024, 1, 1));
        UUID undated = QuarkusTransaction.requiringNew().call(() -> history.record(Candidate.findById(id),
                Phase.PRECLINICAL, null, null, "undated", null, Evidence.CONFIRMED).id);

        List<MilestoneView> entries = milestones(id);
        assertEquals(undated, entries.get(0).id());
        assertEquals(List.of(Phase.PRECLINICAL, Phase.PHASE_1, Phase.PHASE_2),
                entries.stream().map(MilestoneView::phase).toList());
        assertEquals(Phase.PHASE_2, phase(id));
    }

    private UUID candidate(Phase phase, LocalDate reachedOn) {
        UUID sponsor = organizations.create(new OrganizationInput(TestData.unique("Org"), "测试公司",
                OrganizationKind.COMPANY, "CN-HB", null, null, null)).id();
        CandidateView created = candidates.create(new CandidateInput(TestData.unique("PH"), "testimab", "测试单抗",
                sponsor, null, Category.THERAPEUTIC_BIOLOGIC, "1", Modality.ANTIBODY, "Immunology",
                "Plaque psoriasis", null, null, phase, null, null, null, reachedOn, null, null, null));
        assertEquals(phase, created.phase());
        return created.id();
    }

    private MilestoneView add(UUID candidate, Phase phase, LocalDate reachedOn) {
        return candidates.addMilestone(candidate, new MilestoneInput(phase, reachedOn, "https://example.org/m", "test",
                null, null)).orElseThrow();
    }

    private Phase phase(UUID candidate) {
        return read(() -> candidates.find(candidate)).orElseThrow().phase();
    }

    private List<MilestoneView> milestones(UUID candidate) {
        return read(() -> candidates.milestones(candidate)).orElseThrow();
    }
}
