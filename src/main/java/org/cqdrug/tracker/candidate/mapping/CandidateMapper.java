package org.cqdrug.tracker.candidate.mapping;

import java.util.ArrayList;
import java.util.List;

import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Designation;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.organization.Organization;

/** Moves data between candidate entities and their API records. */
public final class CandidateMapper {

    private CandidateMapper() {
    }

    public static CandidateView toView(Candidate c) {
        List<Designation> designations = c.designations == null ? List.of()
                : c.designations.stream().map(Designation::valueOf).toList();
        return new CandidateView(c.id, c.code, c.name, c.nameZh, c.sponsor.id, c.cluster == null ? null : c.cluster.id,
                c.category, c.registrationClass, c.modality, c.therapeuticArea, c.indication, c.phase, designations,
                c.expectedDecisionOn, c.sourceUrl, c.note, c.createdAt, c.updatedAt, c.version);
    }

    /** Copies every field but the phase, which only the phase history moves. */
    public static void apply(CandidateInput in, Organization sponsor, Cluster cluster, Candidate c) {
        c.code = in.code();
        c.name = in.name();
        c.nameZh = in.nameZh();
        c.sponsor = sponsor;
        c.cluster = cluster;
        c.category = in.category();
        c.registrationClass = in.registrationClass();
        c.modality = in.modality();
        c.therapeuticArea = in.therapeuticArea();
        c.indication = in.indication();
        c.designations = in.designations() == null ? new ArrayList<>()
                : new ArrayList<>(in.designations().stream().distinct().map(Designation::name).toList());
        c.expectedDecisionOn = in.expectedDecisionOn();
        c.sourceUrl = in.sourceUrl();
        c.note = in.note();
    }

    public static MilestoneView toView(Milestone m) {
        return new MilestoneView(m.id, m.candidate.id, m.phase, m.reachedOn, m.sourceUrl, m.note, m.approvalId,
                m.createdAt, m.updatedAt, m.version);
    }

    public static Milestone toEntity(MilestoneInput in, Candidate candidate) {
        Milestone m = new Milestone();
        m.candidate = candidate;
        m.phase = in.phase();
        m.reachedOn = in.reachedOn();
        m.sourceUrl = in.sourceUrl();
        m.note = in.note();
        return m;
    }
}
