package org.cqdrug.tracker.candidate.service;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.common.vocabulary.Phase;

/**
 * The one rule for a candidate's current phase: it is the phase of its latest milestone (by date, then by the
 * order the entries were recorded), and APPROVED while it holds an approval unless it was later discontinued.
 * Creating a candidate, recording or deleting a milestone, and recording, changing or deleting an approval all go
 * through here.
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
     * Re-derives the current phase after the history changed: the latest milestone's phase, except that a candidate
     * holding an approval is APPROVED unless its latest milestone is DISCONTINUED (withdrawn). A candidate with no
     * history (only possible for rows loaded outside the API) keeps its phase.
     */
    public void refresh(Candidate candidate) {
        Milestone latest = Milestone.<Milestone>find("candidate", Sort.descending("reachedOn", "id"), candidate)
                .firstResult();
        if (latest != null) {
            boolean approved = Milestone.count("candidate = ?1 and approvalId is not null", candidate) > 0;
            candidate.phase = approved && latest.phase != Phase.DISCONTINUED ? Phase.APPROVED : latest.phase;
        }
        Candidate.flush();
    }
}
