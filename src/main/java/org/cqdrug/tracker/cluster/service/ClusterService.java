package org.cqdrug.tracker.cluster.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.cluster.mapping.ClusterFilter;
import org.cqdrug.tracker.cluster.mapping.ClusterInput;
import org.cqdrug.tracker.cluster.mapping.ClusterMapper;
import org.cqdrug.tracker.cluster.mapping.ClusterView;
import org.cqdrug.tracker.common.audit.AuditTrail;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.spreadsheet.SpreadsheetConfig;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.problem.ApiProblem;

/** Industry clusters. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class ClusterService {

    static final Listing<Cluster> LISTING = new Listing<>(Cluster.class,
            SortKey.of("code", "e.code", String.class),
            SortKey.of("name", "e.name", String.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    private final ClusterMapper mapper;
    private final AuditTrail audit;
    private final SpreadsheetConfig export;

    public ClusterService(ClusterMapper mapper, SpreadsheetConfig export, AuditTrail audit) {
        this.audit = audit;
        this.mapper = mapper;
        this.export = export;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClusterView> list(ClusterFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, mapper::toView);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<ClusterView>> export(ClusterFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, mapper::toView, export.batchSize());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClusterView> find(UUID id) {
        return Cluster.<Cluster>findByIdOptional(id).map(mapper::toView);
    }

    /** Every revision of the cluster, oldest first, also after it was deleted; empty when it never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(UUID id) {
        return audit.of(Cluster.class, id, mapper::toView);
    }

    public ClusterView create(ClusterInput input) {
        requireFreeCode(input.code(), null);
        Cluster cluster = new Cluster();
        mapper.apply(input, cluster);
        cluster.persistAndFlush();
        return mapper.toView(cluster);
    }

    public Optional<ClusterView> replace(UUID id, ClusterInput input, IfMatch ifMatch) {
        return Cluster.<Cluster>findByIdOptional(id).map(cluster -> {
            ifMatch.check(cluster, input.version(), "cluster");
            requireFreeCode(input.code(), id);
            mapper.apply(input, cluster);
            Cluster.flush();
            return mapper.toView(cluster);
        });
    }

    /** Refused with 409 by the database while candidates, organizations or targets still point at the cluster. */
    public boolean delete(UUID id, IfMatch ifMatch) {
        return ifMatch.delete(Cluster.<Cluster>findByIdOptional(id), "cluster");
    }

    private static void requireFreeCode(String code, UUID self) {
        Optional<Cluster> holder = Cluster.find("code", code).firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            throw ApiProblem.conflict("A cluster with code '" + code + "' already exists (id " + holder.get().id + ")");
        }
    }
}
