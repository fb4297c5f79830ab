package org.cqdrug.tracker.candidate.service;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.candidate.Phase;

/**
 * The one rule for a candidate's current phase: it is the phase of its latest milestone (by date, then by the
 * order the entries were recorded). Recording or deleting a milestone, or an approval, goes through here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PhaseHistory {

    public Milestone record(Candidate candidate, Phase phase, LocalDate reachedOn, String sourceUrl, String note,
            UUID approvalId) {
        Milestone milestone = new Milestone();
        milestone.candidate = candidate;
        milestone.phase = phase;
        milestone.reachedOn = reachedOn;
        milestone.sourceUrl = sourceUrl;
        milestone.note = note;
        milestone.approvalId = approvalId;
        return append(milestone);
    }

    public Milestone append(Milestone milestone) {
        milestone.persist();
        Milestone.flush();
        refresh(milestone.candidate);
        return milestone;
    }

    /**
     * Re-derives the current phase after the history changed. With no history left the phase stays as it was,
     * except that a candidate whose only approval was withdrawn falls back to NDA_SUBMITTED.
     */
    public void refresh(Candidate candidate) {
        Milestone latest = Milestone.<Milestone>find("candidate", Sort.descending("reachedOn", "id"), candidate)
                .firstResult();
        if (latest != null) {
            candidate.phase = latest.phase;
        } else if (candidate.phase == Phase.APPROVED) {
            candidate.phase = Phase.NDA_SUBMITTED;
        }
        Candidate.flush();
    }
}
