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

    @QueryParam("kind")
    @Parameter(description = "Only approvals of this kind: NEW_DRUG, the drug's first, or a later one")
    public org.cqdrug.tracker.approval.ApprovalKind kind;

    @QueryParam("q")
    @jakarta.validation.constraints.Size(min = 1, max = 200)
    @Parameter(description = "Text found in the approval's number, indication or note, or in its drug's names (code,"
            + " INN, Chinese name, other names) or its sponsor's names; case-insensitive", example = "普基奥仑赛")
    public String q;

    /** Where {@code q} is looked for: the approval's own text, its drug's names and its sponsor's names. */
    private static final String TEXT = "lower(coalesce(e.approvalNumber, '')) like :q escape '\\'"
            + " or lower(coalesce(e.indication, '')) like :q escape '\\' or lower(coalesce(e.note, '')) like :q escape '\\'"
            + " or lower(e.candidate.code) like :q escape '\\' or lower(coalesce(e.candidate.name, '')) like :q escape '\\'"
            + " or lower(coalesce(e.candidate.nameZh, '')) like :q escape '\\'"
            + " or lower(array_to_string(e.candidate.aliases, '|')) like :q escape '\\'"
            + " or lower(e.candidate.sponsor.name) like :q escape '\\'"
            + " or lower(coalesce(e.candidate.sponsor.nameZh, '')) like :q escape '\\'";

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
                .when(regionCode, "regionCode", "e.candidate.sponsor.regionCode = :regionCode")
                .when(kind, "kind", "e.kind = :kind")
                .when(q == null ? null : Criteria.contains(q), "q", TEXT);
        if (Boolean.TRUE.equals(class1Only)) {
            criteria.add(RegistrationClasses.class1("e.registrationClass"));
        }
        return criteria;
    }
}
