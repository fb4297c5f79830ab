package org.cqdrug.tracker.candidate.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;

/**
 * The one rule for a candidate's current phase: it is the phase of its latest dated milestone (by date, then by
 * the order the entries were recorded), or of its undated starting phase while nothing is dated; and APPROVED while
 * it holds an approval unless it was later discontinued.
 * Creating a candidate, recording or deleting a milestone, and recording, changing or deleting an approval all go
 * through here.
 */
@RetriedOnConflict
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PhaseHistory {

    public Milestone record(Candidate candidate, Phase phase, LocalDate reachedOn, String sourceUrl, String note,
            UUID approvalId, Evidence evidence) {
        return record(candidate, phase, reachedOn, null, null, sourceUrl, note, approvalId, evidence);
    }

    /** An entry dated to a precision; a null precision is DAY for a dated entry. */
    public Milestone record(Candidate candidate, Phase phase, LocalDate reachedOn, DatePrecision precision,
            LocalDate latestReachedOn, String sourceUrl, String note, UUID approvalId, Evidence evidence) {
        Milestone milestone = new Milestone();
        milestone.datePrecision = precision;
        milestone.latestReachedOn = latestReachedOn;
        milestone.candidate = candidate;
        milestone.phase = phase;
        milestone.reachedOn = reachedOn;
        milestone.sourceUrl = sourceUrl;
        milestone.note = note;
        milestone.approvalId = approvalId;
        milestone.evidence = evidence;
        return append(milestone);
    }

    public Milestone append(Milestone milestone) {
        milestone.persist();
        Milestone.flush();
        refresh(milestone.candidate);
        return milestone;
    }

    /**
     * Deletes an entry recorded in error and re-derives the phase. Refuses (409) an entry an approval wrote, which
     * lives and dies with that approval, and the candidate's only entry.
     */
    public void delete(Milestone milestone) {
        if (milestone.approvalId != null) {
            throw ApiProblem.conflict("This milestone was written by approval " + milestone.approvalId
                    + "; delete or change that approval instead");
        }
        if (Milestone.count("candidate", milestone.candidate) == 1) {
            throw ApiProblem.conflict("This is the candidate's only milestone; record the right phase first,"
                    + " then delete this one");
        }
        Candidate candidate = milestone.candidate;
        milestone.delete();
        Milestone.flush();
        refresh(candidate);
    }

    /** Deletes the whole history of a candidate that is being deleted itself. */
    public void deleteAll(Candidate candidate) {
        // Each entry through Hibernate, not the database's cascade, so that the audit history records its deletion.
        Milestone.<Milestone>find("candidate", candidate).stream().forEach(Milestone::delete);
    }

    /**
     * Deletes the milestone an approval wrote (it writes one) through Hibernate rather than by a bulk statement or
     * the database's cascade, so that the audit history and the change feed record its deletion.
     */
    public void deleteWrittenBy(UUID approvalId) {
        Milestone.<Milestone>find("approvalId", approvalId).stream().forEach(Milestone::delete);
        Milestone.flush();
    }

    /** The milestone an approval wrote, if it wrote one. */
    public java.util.Optional<Milestone> writtenBy(UUID approvalId) {
        return Milestone.<Milestone>find("approvalId", approvalId).firstResultOptional();
    }

    /** A candidate's history, undated entries first, then by date, then in the order they were recorded. */
    public static java.util.List<Milestone> oldestFirst(Candidate candidate) {
        return Milestone.list("candidate = ?1 order by reachedOn asc nulls first, id asc", candidate);
    }

    /**
     * Refuses a milestone that would make the history step back in development: a phase earlier than one reached on
     * an earlier date, or later than one reached on a later date. Most often a typo; otherwise a real step back the
     * client must say it means (422 naming the entry it clashes with).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireNoStepBack(Candidate candidate, Phase phase, LocalDate reachedOn) {
        if (phase == Phase.DISCONTINUED || reachedOn == null) {
            return;
        }
        for (Milestone other : Milestone.<Milestone>list("candidate = ?1 and reachedOn is not null", candidate)) {
            if (other.phase == Phase.DISCONTINUED) {
                continue;
            }
            boolean earlierButFurther = other.reachedOn.isBefore(reachedOn) && other.phase.compareTo(phase) > 0;
            boolean laterButBehind = other.reachedOn.isAfter(reachedOn) && other.phase.compareTo(phase) < 0;
            if (earlierButFurther || laterButBehind) {
                throw ApiProblem.rule("phase", "would put " + (earlierButFurther ? phase : other.phase) + " after "
                        + (earlierButFurther ? other.phase : phase) + " in development: milestone " + other.id + " is "
                        + other.phase + " on " + other.reachedOn + "; send regression: true if the candidate really"
                        + " went back, as into a new trial");
            }
        }
    }

    /**
     * Re-derives the current phase after the history changed: the latest milestone's phase, except that a candidate
     * holding an approval is APPROVED unless its latest milestone is DISCONTINUED (withdrawn). A candidate with no
     * history (only possible for rows loaded outside the API) keeps its phase.
     */
    public void refresh(Candidate candidate) {
        // The latest dated entry; an undated starting phase only while nothing is dated.
        Milestone latest = Milestone.<Milestone>find("candidate = ?1 order by reachedOn desc nulls last, id desc",
                candidate).firstResult();
        if (latest != null) {
            boolean approved = Milestone.count("candidate = ?1 and approvalId is not null", candidate) > 0;
            candidate.phase = approved && latest.phase != Phase.DISCONTINUED ? Phase.APPROVED : latest.phase;
        }
        Candidate.flush();
    }
}
