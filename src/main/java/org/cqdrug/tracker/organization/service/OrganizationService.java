package org.cqdrug.tracker.organization.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.cluster.Cluster;
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
import org.cqdrug.tracker.organization.OrganizationKind;
import org.cqdrug.tracker.organization.mapping.OrganizationFilter;
import org.cqdrug.tracker.organization.mapping.OrganizationInput;
import org.cqdrug.tracker.organization.mapping.OrganizationMapper;
import org.cqdrug.tracker.organization.mapping.OrganizationView;

/** Companies, universities, hospitals and institutes. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class OrganizationService {

    static final Listing<Organization> LISTING = new Listing<>(Organization.class,
            SortKey.of("name", "e.name", String.class),
            SortKey.of("kind", "e.kind", OrganizationKind.class),
            SortKey.of("regionCode", "e.regionCode", String.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    private final OrganizationMapper mapper;
    private final AuditTrail audit;
    private final SpreadsheetConfig export;

    public OrganizationService(OrganizationMapper mapper, SpreadsheetConfig export, AuditTrail audit) {
        this.audit = audit;
        this.mapper = mapper;
        this.export = export;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationView> list(OrganizationFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, mapper::toView);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<OrganizationView>> export(OrganizationFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, mapper::toView, export.batchSize());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrganizationView> find(UUID id) {
        return Organization.<Organization>findByIdOptional(id).map(mapper::toView);
    }

    /** Every revision of the organization, oldest first, also after it was deleted; empty when it never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(UUID id) {
        return audit.of(Organization.class, id, mapper::toView);
    }

    public OrganizationView create(OrganizationInput input) {
        Organization organization = new Organization();
        mapper.apply(input, organization);
        organization.cluster = cluster(input);
        organization.persistAndFlush();
        return mapper.toView(organization);
    }

    public Optional<OrganizationView> replace(UUID id, OrganizationInput input, IfMatch ifMatch) {
        return Organization.<Organization>findByIdOptional(id).map(organization -> {
            ifMatch.check(organization, input.version(), "organization");
            Cluster cluster = cluster(input);
            mapper.apply(input, organization);
            organization.cluster = cluster;
            Organization.flush();
            return mapper.toView(organization);
        });
    }

    /** Refused with 409 by the database while candidates or collaborations still point at the organization. */
    public boolean delete(UUID id, IfMatch ifMatch) {
        return ifMatch.delete(Organization.<Organization>findByIdOptional(id), "organization");
    }

    private static Cluster cluster(OrganizationInput input) {
        return References.optional(Cluster.class, input.clusterId(), "clusterId", "cluster");
    }
}
