package org.cqdrug.tracker.approval.mapping;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.vocabulary.ApprovalNumbers;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the approval list, its facets and its CSV and xlsx exports; all given filters must hold. */
public class ApprovalFilter {

    @QueryParam("year")
    @Min(1950)
    @Max(2100)
    @Parameter(description = "Approved in this calendar year", example = "2024")
    public Integer year;

    @QueryParam("approvedFrom")
    @SaneDate
    @Parameter(description = "Approved on or after this date", example = "2024-01-01")
    public LocalDate approvedFrom;

    @QueryParam("approvedTo")
    @SaneDate
    @Parameter(description = "Approved on or before this date", example = "2024-12-31")
    public LocalDate approvedTo;

    @QueryParam("authority")
    @Parameter(description = "Granting authority")
    public Authority authority;

    @QueryParam("category")
    @Parameter(description = "Category as approved")
    public Category category;

    @QueryParam("evidence")
    @Parameter(description = "Only approvals at this evidence level")
    public Evidence evidence;

    @QueryParam("class1Only")
    @Parameter(description = "Only Class 1 approvals (\"1\" or \"1.x\" as approved)", example = "true")
    public Boolean class1Only;

    @QueryParam("approvalNumber")
    @jakarta.validation.constraints.Size(min = 1, max = 64)
    @Parameter(description = "Exact approval number (批准文号); full-width characters and spaces are ignored",
            example = "国药准字S20240028")
    public String approvalNumber;

    @QueryParam("candidateId")
    @Parameter(description = "Approvals of this candidate")
    public UUID candidateId;

    @QueryParam("clusterId")
    @Parameter(description = "The candidate's cluster")
    public UUID clusterId;

    @QueryParam("regionCode")
    @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE)
    @Parameter(description = "ISO 3166-2 region of the candidate's sponsor", example = "CN-CQ")
    public String regionCode;

    public Criteria criteria() {
        Criteria criteria = new Criteria()
                .when(year == null ? null : LocalDate.of(year, 1, 1), "yearStart", "e.approvedOn >= :yearStart")
                .when(year == null ? null : LocalDate.of(year, 12, 31), "yearEnd", "e.approvedOn <= :yearEnd")
                .when(approvedFrom, "approvedFrom", "e.approvedOn >= :approvedFrom")
                .when(approvedTo, "approvedTo", "e.approvedOn <= :approvedTo")
                .when(authority, "authority", "e.authority = :authority")
                .when(category, "category", "e.category = :category")
                .when(evidence, "evidence", "e.evidence = :evidence")
                .when(approvalNumber == null ? null : ApprovalNumbers.written(approvalNumber), "approvalNumber",
                        "e.approvalNumber = :approvalNumber")
                .when(candidateId, "candidateId", "e.candidate.id = :candidateId")
                .when(clusterId, "clusterId", "e.candidate.cluster.id = :clusterId")
                .when(regionCode, "regionCode", "e.candidate.sponsor.regionCode = :regionCode");
        if (Boolean.TRUE.equals(class1Only)) {
            criteria.add(RegistrationClasses.class1("e.registrationClass"));
        }
        return criteria;
    }
}
