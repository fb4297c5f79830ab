package org.cqdrug.tracker.collaboration.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.collaboration.Collaboration;
import org.cqdrug.tracker.collaboration.CollaborationType;
import org.cqdrug.tracker.collaboration.mapping.CollaborationFilter;
import org.cqdrug.tracker.collaboration.mapping.CollaborationInput;
import org.cqdrug.tracker.collaboration.mapping.CollaborationMapper;
import org.cqdrug.tracker.collaboration.mapping.CollaborationView;
import org.cqdrug.tracker.common.References;
import org.cqdrug.tracker.common.audit.AuditTrail;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.spreadsheet.SpreadsheetConfig;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.organization.Organization;

/** Joint R&D, tech transfers and licences between organizations. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class CollaborationService {

    static final Listing<Collaboration> LISTING = new Listing<>(Collaboration.class,
            SortKey.of("signedOn", "e.signedOn", LocalDate.class),
            SortKey.of("type", "e.type", CollaborationType.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    private final CollaborationMapper mapper;
    private final AuditTrail audit;
    private final SpreadsheetConfig export;

    public CollaborationService(CollaborationMapper mapper, SpreadsheetConfig export, AuditTrail audit) {
        this.audit = audit;
        this.mapper = mapper;
        this.export = export;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CollaborationView> list(CollaborationFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, mapper::toView);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<CollaborationView>> export(CollaborationFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, mapper::toView, export.batchSize());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CollaborationView> find(UUID id) {
        return Collaboration.<Collaboration>findByIdOptional(id).map(mapper::toView);
    }

    /** Every revision of the collaboration, oldest first, also after it was deleted; empty when it never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(UUID id) {
        return audit.of(Collaboration.class, id, mapper::toView);
    }

    public CollaborationView create(CollaborationInput input) {
        Collaboration collaboration = new Collaboration();
        apply(input, collaboration);
        collaboration.persistAndFlush();
        return mapper.toView(collaboration);
    }

    public Optional<CollaborationView> replace(UUID id, CollaborationInput input, IfMatch ifMatch) {
        return Collaboration.<Collaboration>findByIdOptional(id).map(collaboration -> {
            ifMatch.check(collaboration, input.version(), "collaboration");
            apply(input, collaboration);
            Collaboration.flush();
            return mapper.toView(collaboration);
        });
    }

    /** Deletes a collaboration with its list of parties. */
    public boolean delete(UUID id, IfMatch ifMatch) {
        return ifMatch.delete(Collaboration.<Collaboration>findByIdOptional(id), "collaboration");
    }

    private void apply(CollaborationInput input, Collaboration collaboration) {
        List<Organization> organizations = new ArrayList<>();
        for (int i = 0; i < input.organizationIds().size(); i++) {
            organizations.add(References.required(Organization.class, input.organizationIds().get(i),
                    "organizationIds[" + i + "]", "organization"));
        }
        Candidate candidate = References.optional(Candidate.class, input.candidateId(), "candidateId", "candidate");
        Cluster cluster = References.optional(Cluster.class, input.clusterId(), "clusterId", "cluster");
        mapper.apply(input, collaboration);
        collaboration.organizations = organizations;
        collaboration.candidate = candidate;
        collaboration.cluster = cluster;
    }
}
