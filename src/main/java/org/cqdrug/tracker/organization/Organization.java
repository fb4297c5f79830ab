package org.cqdrug.tracker.organization;

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
import org.hibernate.envers.Audited;

/** A company, university, hospital or institute that sponsors or develops drug candidates. */
@Entity
@Audited
@Table(name = "organization")
public class Organization extends TrackedEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "name_zh")
    public String nameZh;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    /** Where the organization is based; the indicator service scopes regional targets by it. */
    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cluster_id")
    public Cluster cluster;

    @Column(name = "source_url")
    public String sourceUrl;
}
