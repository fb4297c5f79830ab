package org.cqdrug.tracker.published;

import java.math.BigDecimal;
import java.time.LocalDate;

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
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.hibernate.envers.Audited;

/**
 * A count a region, a cluster or the nation published about itself, such as "Jiangsu: 17 Class 1 innovative drugs
 * in 2025, 22.37% of the national total". It is the source's claim, shown beside the counts derived from records
 * and never added to them.
 */
@Entity
@Audited
@Table(name = "published_count")
public class PublishedCount extends TrackedEntity {

    /** A province such as CN-JS, or CN for the nation; null when the count is a cluster's. */
    @Column(name = "region_code")
    public String regionCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cluster_id")
    public Cluster cluster;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CountMetric metric;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Column(nullable = false)
    public int value;

    /** The share of the national total the source states, as a fraction; null when it states none. */
    @Column(name = "national_share")
    public BigDecimal nationalShare;

    @Column(name = "source_url")
    public String sourceUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Evidence evidence;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    public String note;
}
