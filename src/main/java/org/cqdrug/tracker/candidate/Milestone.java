package org.cqdrug.tracker.candidate;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.cqdrug.tracker.common.TrackedEntity;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.hibernate.envers.Audited;

/** One entry of a candidate's phase history. History is append-only: entries are added or deleted, never edited. */
@Entity
@Audited
@Table(name = "milestone")
public class Milestone extends TrackedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "candidate_id", nullable = false)
    public Candidate candidate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    /** Null for a starting phase whose date is not known; such an entry comes before every dated one. */
    @Column(name = "reached_on")
    public LocalDate reachedOn;

    /** How precisely reachedOn is known; null exactly when reachedOn is. */
    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision")
    public DatePrecision datePrecision;

    /** The latest day it can have been reached on, kept by {@link #bounds()}; null when undated. */
    @Column(name = "latest_reached_on")
    public LocalDate latestReachedOn;

    @Column(name = "source_url")
    public String sourceUrl;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Evidence evidence;

    /** The source document this entry was written from, when an import wrote it. */
    @Column(name = "source_document_id")
    public UUID sourceDocumentId;

    /** Set when recording an approval wrote this entry; the entry then lives and dies with that approval. */
    @Column(name = "approval_id")
    public UUID approvalId;

    /** Derives the latest day from the precision, so that no path can store a date and a bound that disagree. */
    @PrePersist
    @PreUpdate
    void bounds() {
        datePrecision = reachedOn == null ? null : DatePrecision.orDay(datePrecision);
        latestReachedOn = reachedOn == null ? null : datePrecision.latest(reachedOn, latestReachedOn);
    }
}
