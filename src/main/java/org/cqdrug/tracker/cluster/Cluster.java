package org.cqdrug.tracker.cluster;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.cqdrug.tracker.common.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** An innovative-drug industry cluster: a place that gathers sponsors, universities and hospitals. */
@Entity
@Audited
@Table(name = "cluster")
public class Cluster extends TrackedEntity {

    /** Unique slug, for example {@code chongqing-international-bio-city}. */
    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    public String district;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "focus_areas", nullable = false, columnDefinition = "text[]")
    public List<String> focusAreas = new ArrayList<>();

    public String description;

    @Column(name = "source_url")
    public String sourceUrl;
}
