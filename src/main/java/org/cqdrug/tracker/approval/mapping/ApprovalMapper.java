package org.cqdrug.tracker.approval.mapping;

import org.cqdrug.tracker.approval.Approval;
import org.cqdrug.tracker.common.MapperDefaults;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Moves data between the approval entity and its API records. */
@Mapper(config = MapperDefaults.class)
public interface ApprovalMapper {

    @Mapping(target = "candidateId", source = "candidate.id")
    @Mapping(target = "candidateName", expression = "java(drugName(approval.candidate))")
    @Mapping(target = "sponsorName", source = "candidate.sponsor.name")
    ApprovalView toView(Approval approval);

    /**
     * The approval as its history shows each revision: without the names of its drug and sponsor, which are theirs
     * and would make a rename of either look like a change of the approval.
     */
    @Mapping(target = "candidateId", source = "candidate.id")
    @Mapping(target = "candidateName", ignore = true)
    @Mapping(target = "sponsorName", ignore = true)
    ApprovalView toRevision(Approval approval);

    /** What people call the drug: its INN, else its Chinese name, else its sponsor's code. */
    default String drugName(org.cqdrug.tracker.candidate.Candidate candidate) {
        if (candidate.name != null) {
            return candidate.name;
        }
        return candidate.nameZh != null ? candidate.nameZh : candidate.code;
    }

    /** The candidate and the snapshot of its class, category and indication are the service's to set. */
    @Mapping(target = "candidate", ignore = true)
    @Mapping(target = "registrationClass", ignore = true)
    @Mapping(target = "category", ignore = true)
    @Mapping(target = "indication", ignore = true)
    @Mapping(target = "sourceDocumentId", ignore = true)
    @Mapping(target = "authority", defaultValue = "NMPA")
    @Mapping(target = "approvalType", defaultValue = "STANDARD")
    @Mapping(target = "kind", defaultValue = "NEW_DRUG")
    @Mapping(target = "evidence", expression = "java(org.cqdrug.tracker.approval.mapping.EarnedEvidence.Validator.level(input))")
    @Mapping(target = "datePrecision", defaultValue = "DAY")
    void apply(ApprovalInput input, @MappingTarget Approval approval);
}
