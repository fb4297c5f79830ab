package org.cqdrug.tracker.candidate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.common.TrackedEntity;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.organization.Organization;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** A drug in development, from preclinical work to approval. */
@Entity
@Audited
@Table(name = "candidate")
public class Candidate extends TrackedEntity {

    /** The sponsor's own code, for example GR1501; unique per sponsor. */
    @Column(nullable = false)
    public String code;

    /** International non-proprietary name, once it has one. */
    public String name;

    @Column(name = "name_zh")
    public String nameZh;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sponsor_id", nullable = false)
    public Organization sponsor;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cluster_id")
    public Cluster cluster;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(name = "registration_class", nullable = false)
    public String registrationClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Modality modality;

    @Column(name = "therapeutic_area")
    public String therapeuticArea;

    public String indication;

    @Column(name = "indication_zh")
    public String indicationZh;

    /** Other names: brand names, former codes, other spellings. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> aliases = new ArrayList<>();

    /** Follows the phase history; only milestones and approvals move it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    /** Names of {@link Designation} values. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> designations = new ArrayList<>();

    /** Acceptance numbers (受理号) of its applications, canonical (AcceptanceNumbers); each belongs to one candidate. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "acceptance_numbers", nullable = false, columnDefinition = "text[]")
    public List<String> acceptanceNumbers = new ArrayList<>();

    @Column(name = "expected_decision_on")
    public LocalDate expectedDecisionOn;

    @Column(name = "source_url")
    public String sourceUrl;

    public String note;
}
