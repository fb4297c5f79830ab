package org.cqdrug.tracker.collaboration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.common.TrackedEntity;
import org.cqdrug.tracker.organization.Organization;
import org.hibernate.annotations.BatchSize;
import org.hibernate.envers.Audited;

/** A joint R&D project, tech transfer or licence between two or more organizations. */
@Entity
@Audited
@Table(name = "collaboration")
public class Collaboration extends TrackedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CollaborationType type;

    public String title;

    /**
     * In the order given; for transfers and licences the source comes first. Loaded for a whole page (or export batch)
     * of collaborations in one query rather than one per row.
     */
    @ManyToMany(fetch = FetchType.LAZY)
    @BatchSize(size = 1000)
    @JoinTable(name = "collaboration_party", joinColumns = @JoinColumn(name = "collaboration_id"),
            inverseJoinColumns = @JoinColumn(name = "organization_id"))
    @OrderColumn(name = "position")
    public List<Organization> organizations = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "candidate_id")
    public Candidate candidate;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cluster_id")
    public Cluster cluster;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Column(name = "value_cny", precision = 18, scale = 2)
    public BigDecimal valueCny;

    @Column(name = "source_url")
    public String sourceUrl;

    public String note;
}
