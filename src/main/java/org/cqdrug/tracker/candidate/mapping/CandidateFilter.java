package org.cqdrug.tracker.candidate.mapping;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.cqdrug.tracker.candidate.Designation;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.vocabulary.AcceptanceNumbers;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.RegionCodes;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the candidate list, its facets and its CSV and xlsx exports; all given filters must hold. */
public class CandidateFilter {

    @QueryParam("phase")
    @Parameter(description = "Current phase")
    public Phase phase;

    @QueryParam("category")
    @Parameter(description = "NMPA category")
    public Category category;

    @QueryParam("registrationClass")
    @Pattern(regexp = RegistrationClasses.PATTERN, message = RegistrationClasses.MESSAGE)
    @Parameter(description = "Exact NMPA registration class", example = "1")
    public String registrationClass;

    @QueryParam("clusterId")
    @Parameter(description = "Cluster the candidate belongs to")
    public UUID clusterId;

    @QueryParam("sponsorId")
    @Parameter(description = "Sponsoring organization")
    public UUID sponsorId;

    @QueryParam("regionCode")
    @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE)
    @Parameter(description = "ISO 3166-2 region of the sponsor", example = "CN-CQ")
    public String regionCode;

    @QueryParam("therapeuticArea")
    @Size(max = 200)
    @Parameter(description = "Exact therapeutic area", example = "Oncology")
    public String therapeuticArea;

    @QueryParam("designation")
    @Parameter(description = "Holds this expedited-pathway designation")
    public Designation designation;

    @QueryParam("acceptanceNumber")
    @Pattern(regexp = AcceptanceNumbers.WRITTEN_PATTERN, message = AcceptanceNumbers.MESSAGE)
    @Parameter(description = "Holds the application with this acceptance number (受理号); an office suffix is ignored",
            example = "CXSS2300045")
    public String acceptanceNumber;

    @QueryParam("q")
    @Size(min = 1, max = 200)
    @Parameter(description = "Text found in any of its names (code, INN, Chinese name, other names), its indication in"
            + " English or Chinese, or its acceptance numbers; case-insensitive", example = "单抗")
    public String q;

    /** Where {@code q} is looked for: every name, both indications and the acceptance numbers. */
    private static final String TEXT = "lower(e.code) like :q escape '\\' or lower(coalesce(e.name, '')) like :q escape '\\'"
            + " or lower(coalesce(e.nameZh, '')) like :q escape '\\'"
            + " or lower(coalesce(e.indication, '')) like :q escape '\\'"
            + " or lower(coalesce(e.indicationZh, '')) like :q escape '\\'"
            + " or lower(array_to_string(e.aliases, '|')) like :q escape '\\'"
            + " or lower(array_to_string(e.acceptanceNumbers, '|')) like :q escape '\\'";

    public Criteria criteria() {
        return new Criteria()
                .when(phase, "phase", "e.phase = :phase")
                .when(category, "category", "e.category = :category")
                .when(registrationClass, "registrationClass", "e.registrationClass = :registrationClass")
                .when(clusterId, "clusterId", "e.cluster.id = :clusterId")
                .when(sponsorId, "sponsorId", "e.sponsor.id = :sponsorId")
                .when(regionCode, "regionCode", "e.sponsor.regionCode = :regionCode")
                .when(therapeuticArea, "therapeuticArea", "e.therapeuticArea = :therapeuticArea")
                .when(designation == null ? null : designation.name(), "designation", "array_contains(e.designations, :designation)")
                .when(acceptanceNumber == null ? null : AcceptanceNumbers.canonical(acceptanceNumber).orElseThrow(),
                        "acceptanceNumber", "e.id in (select a.candidateId from AcceptanceNumber a where a.number = :acceptanceNumber)")
                .when(q == null ? null : Criteria.contains(q), "q", TEXT);
    }
}
