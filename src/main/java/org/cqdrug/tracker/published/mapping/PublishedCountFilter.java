package org.cqdrug.tracker.published.mapping;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.published.CountMetric;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the published-count list and its CSV and xlsx exports; all given filters must hold. */
public class PublishedCountFilter {

    @QueryParam("regionCode")
    @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE)
    @Parameter(description = "The region counted; CN for the nation", example = "CN-JS")
    public String regionCode;

    @QueryParam("clusterId")
    @Parameter(description = "The cluster counted")
    public UUID clusterId;

    @QueryParam("metric")
    @Parameter(description = "What is counted")
    public CountMetric metric;

    @QueryParam("evidence")
    @Parameter(description = "Only counts at exactly this evidence level")
    public Evidence evidence;

    @QueryParam("year")
    @Min(1950)
    @Max(2100)
    @Parameter(description = "Only counts whose period lies within this calendar year", example = "2025")
    public Integer year;

    public Criteria criteria() {
        return new Criteria()
                .when(regionCode, "regionCode", "e.regionCode = :regionCode")
                .when(clusterId, "clusterId", "e.cluster.id = :clusterId")
                .when(metric, "metric", "e.metric = :metric")
                .when(evidence, "evidence", "e.evidence = :evidence")
                .when(year == null ? null : LocalDate.of(year, 1, 1), "yearStart", "e.periodFrom >= :yearStart")
                .when(year == null ? null : LocalDate.of(year, 12, 31), "yearEnd", "e.periodTo <= :yearEnd");
    }
}
