package org.cqdrug.tracker.target;

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
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.hibernate.envers.Audited;

/** A government goal such as "one to three Class 1 approvals a year in Chongqing, 2025 to 2027". */
@Entity
@Audited
@Table(name = "target")
public class Target extends TrackedEntity {

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_zh")
    public String nameZh;

    /** Scope by the sponsor's region; may be combined with a cluster. */
    @Column(name = "region_code")
    public String regionCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cluster_id")
    public Cluster cluster;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Metric metric;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Authority authority;

    @Column(name = "from_year", nullable = false)
    public int fromYear;

    @Column(name = "to_year", nullable = false)
    public int toYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetKind kind;

    /** For ANNUAL targets; null for TOTAL ones. */
    @Column(name = "annual_min")
    public Integer annualMin;

    /** Null means no upper bound. */
    @Column(name = "annual_max")
    public Integer annualMax;

    @Column(name = "cumulative_min")
    public Integer cumulativeMin;

    /** For TOTAL targets: the number of counted approvals to reach by the end of toYear. */
    @Column(name = "total_goal")
    public Integer totalGoal;

    /** For TOTAL targets: approvals count from this date; null counts them all, however old. */
    @Column(name = "count_from")
    public LocalDate countFrom;

    @Column(name = "source_title")
    public String sourceTitle;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    /** Whether a client's reference names this target: its id (in any case) or its code. */
    public boolean isNamedBy(String reference) {
        return id.toString().equalsIgnoreCase(reference) || code.equals(reference);
    }

    /** The target a client names by its id or by its code, as people have it in hand. */
    public static java.util.Optional<Target> byIdOrCode(String reference) {
        if (reference.length() == 36) {
            try {
                return Target.<Target>findByIdOptional(java.util.UUID.fromString(reference));
            } catch (IllegalArgumentException notAnId) {
                // a code that happens to be 36 characters long
            }
        }
        return Target.<Target>find("code", reference).firstResultOptional();
    }
}
