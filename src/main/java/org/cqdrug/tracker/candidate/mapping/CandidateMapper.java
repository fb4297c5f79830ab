package org.cqdrug.tracker.candidate.mapping;

import java.util.ArrayList;
import java.util.List;

import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Designation;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.common.MapperDefaults;
import org.cqdrug.tracker.common.vocabulary.AcceptanceNumbers;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.Named;

/** Moves data between candidate entities and their API records. */
@Mapper(config = MapperDefaults.class)
public interface CandidateMapper {

    @Mapping(target = "sponsorId", source = "sponsor.id")
    @Mapping(target = "sponsorName", source = "sponsor.name")
    @Mapping(target = "clusterId", source = "cluster.id")
    CandidateView toView(Candidate candidate);

    /** The candidate as its history shows each revision: without its sponsor's name, which is the sponsor's. */
    @Mapping(target = "sponsorId", source = "sponsor.id")
    @Mapping(target = "sponsorName", ignore = true)
    @Mapping(target = "clusterId", source = "cluster.id")
    CandidateView toRevision(Candidate candidate);

    /** Every field but the references, which the service resolves, and the phase, which only the history moves. */
    @Mapping(target = "sponsor", ignore = true)
    @Mapping(target = "cluster", ignore = true)
    @Mapping(target = "phase", ignore = true)
    @Mapping(target = "acceptanceNumbers", qualifiedByName = "canonicalNumbers")
    @Mapping(target = "aliases", qualifiedByName = "names")
    void apply(CandidateInput input, @MappingTarget Candidate candidate);

    @Mapping(target = "candidateId", source = "candidate.id")
    MilestoneView toView(Milestone milestone);

    @Mapping(target = "candidate", ignore = true)
    @Mapping(target = "approvalId", ignore = true)
    @Mapping(target = "sourceDocumentId", ignore = true)
    @Mapping(target = "evidence", defaultValue = "CONFIRMED")
    Milestone toEntity(MilestoneInput input);

    /** Acceptance numbers are stored once each, in canonical form (the input's pattern has checked each). */
    @Named("canonicalNumbers")
    default List<String> canonicalNumbers(List<String> written) {
        return written == null ? new ArrayList<>() : new ArrayList<>(written.stream()
                .map(number -> AcceptanceNumbers.canonical(number).orElseThrow()).distinct().toList());
    }

    /** Other names are stored once each, trimmed. */
    @Named("names")
    default List<String> names(List<String> names) {
        return names == null ? new ArrayList<>() : new ArrayList<>(names.stream().map(String::strip).distinct().toList());
    }

    /** Designations are stored once each, by name. */
    default List<String> designationNames(List<Designation> designations) {
        return designations == null ? new ArrayList<>()
                : new ArrayList<>(designations.stream().distinct().map(Designation::name).toList());
    }
}
