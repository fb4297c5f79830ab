package org.cqdrug.tracker.collaboration.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.collaboration.Collaboration;
import org.cqdrug.tracker.collaboration.mapping.CollaborationInput;
import org.cqdrug.tracker.collaboration.mapping.CollaborationMapper;
import org.cqdrug.tracker.collaboration.mapping.CollaborationView;
import org.cqdrug.tracker.common.References;
import org.cqdrug.tracker.common.Versions;
import java.util.function.Consumer;
import org.cqdrug.tracker.collaboration.mapping.CollaborationFilter;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.SortKey;
import java.time.Instant;
import java.time.LocalDate;
import org.cqdrug.tracker.collaboration.CollaborationType;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.organization.Organization;

@ApplicationScoped
@Transactional
public class CollaborationService {

    static final Listing<Collaboration> LISTING = new Listing<>(Collaboration.class,
            SortKey.of("signedOn", "e.signedOn", LocalDate.class),
            SortKey.of("type", "e.type", CollaborationType.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CollaborationView> list(CollaborationFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, CollaborationMapper::toView);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<CollaborationView>> export(CollaborationFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, CollaborationMapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CollaborationView> find(UUID id) {
        return Collaboration.<Collaboration>findByIdOptional(id).map(CollaborationMapper::toView);
    }

    public CollaborationView create(CollaborationInput input) {
        Collaboration collaboration = new Collaboration();
        apply(input, collaboration);
        collaboration.persistAndFlush();
        return CollaborationMapper.toView(collaboration);
    }

    public Optional<CollaborationView> replace(UUID id, CollaborationInput input) {
        return Collaboration.<Collaboration>findByIdOptional(id).map(collaboration -> {
            Versions.requireCurrent(collaboration, input.version(), "Collaboration");
            apply(input, collaboration);
            Collaboration.flush();
            return CollaborationMapper.toView(collaboration);
        });
    }

    public boolean delete(UUID id) {
        return Collaboration.delete("id", id) > 0;
    }

    private static void apply(CollaborationInput input, Collaboration collaboration) {
        if (new HashSet<>(input.organizationIds()).size() != input.organizationIds().size()) {
            throw ApiProblem.invalid("organizationIds", "must name each organization once");
        }
        List<Organization> organizations = new ArrayList<>();
        for (int i = 0; i < input.organizationIds().size(); i++) {
            organizations.add(References.required(Organization.class, input.organizationIds().get(i),
                    "organizationIds[" + i + "]", "organization"));
        }
        Candidate candidate = References.optional(Candidate.class, input.candidateId(), "candidateId", "candidate");
        Cluster cluster = References.optional(Cluster.class, input.clusterId(), "clusterId", "cluster");
        CollaborationMapper.apply(input, organizations, candidate, cluster, collaboration);
    }
}
