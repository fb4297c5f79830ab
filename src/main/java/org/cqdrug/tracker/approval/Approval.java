package org.cqdrug.tracker.approval;

import java.time.LocalDate;

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
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.common.TrackedEntity;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.hibernate.envers.Audited;

/** A marketing approval won by a candidate. Class and category are kept as approved, not read live from the candidate. */
@Entity
@Audited
@Table(name = "approval")
public class Approval extends TrackedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "candidate_id", nullable = false)
    public Candidate candidate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Authority authority;

    @Column(name = "approved_on", nullable = false)
    public LocalDate approvedOn;

    /** Unique per authority, for example 国药准字S20240028; null until it is known. */
    @Column(name = "approval_number")
    public String approvalNumber;

    @Column(name = "registration_class", nullable = false)
    public String registrationClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_type", nullable = false)
    public ApprovalType approvalType;

    /** The drug's first approval by the authority, or a later one; only the first counts toward a target. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalKind kind;

    public String indication;

    @Column(name = "source_url")
    public String sourceUrl;

    /** How sure the approval is; only confirmed ones count toward targets by default. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Evidence evidence;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", nullable = false)
    public DatePrecision datePrecision;

    /** The latest day it can have been approved on, kept by {@link #bounds()}. */
    @Column(name = "latest_approved_on", nullable = false)
    public LocalDate latestApprovedOn;

    public String note;

    /** The source document (an official list) it was written or confirmed from, when an import did. */
    @Column(name = "source_document_id")
    public java.util.UUID sourceDocumentId;

    /** The company or press report, beside sourceUrl, the official source, once there is one. */
    @Column(name = "report_source_url")
    public String reportSourceUrl;

    /** Derives the latest day from the precision, so that no path can store a date and a bound that disagree. */
    @PrePersist
    @PreUpdate
    void bounds() {
        datePrecision = DatePrecision.orDay(datePrecision);
        latestApprovedOn = datePrecision.latest(approvedOn, latestApprovedOn);
    }
}
