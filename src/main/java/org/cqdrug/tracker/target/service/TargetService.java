package org.cqdrug.tracker.target.service;

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
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.target.Target;
import org.cqdrug.tracker.target.mapping.TargetFilter;
import org.cqdrug.tracker.target.mapping.TargetInput;
import org.cqdrug.tracker.target.mapping.TargetMapper;
import org.cqdrug.tracker.target.mapping.TargetView;

/** Government targets. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class TargetService {

    static final Listing<Target> LISTING = new Listing<>(Target.class,
            SortKey.of("code", "e.code", String.class),
            SortKey.of("fromYear", "e.fromYear", Integer.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    private final TargetMapper mapper;
    private final AuditTrail audit;
    private final SpreadsheetConfig export;

    public TargetService(TargetMapper mapper, SpreadsheetConfig export, AuditTrail audit) {
        this.audit = audit;
        this.mapper = mapper;
        this.export = export;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TargetView> list(TargetFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, mapper::toView);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<TargetView>> export(TargetFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, mapper::toView, export.batchSize());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TargetView> find(UUID id) {
        return Target.<Target>findByIdOptional(id).map(mapper::toView);
    }

    /** Every revision of the target, oldest first, also after it was deleted; empty when it never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(UUID id) {
        return audit.of(Target.class, id, mapper::toView);
    }

    public TargetView create(TargetInput input) {
        Cluster cluster = References.optional(Cluster.class, input.clusterId(), "clusterId", "cluster");
        requireFreeCode(input.code(), null);
        Target target = new Target();
        mapper.apply(input, target);
        target.cluster = cluster;
        target.persistAndFlush();
        return mapper.toView(target);
    }

    public Optional<TargetView> replace(UUID id, TargetInput input, IfMatch ifMatch) {
        return Target.<Target>findByIdOptional(id).map(target -> {
            ifMatch.check(target, input.version(), "target");
            Cluster cluster = References.optional(Cluster.class, input.clusterId(), "clusterId", "cluster");
            requireFreeCode(input.code(), id);
            mapper.apply(input, target);
            target.cluster = cluster;
            Target.flush();
            return mapper.toView(target);
        });
    }

    /** Deletes a target; nothing refers to targets. */
    public boolean delete(UUID id, IfMatch ifMatch) {
        return ifMatch.delete(Target.<Target>findByIdOptional(id), "target");
    }

    private static void requireFreeCode(String code, UUID self) {
        Optional<Target> holder = Target.find("code", code).firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            throw ApiProblem.conflict("A target with code '" + code + "' already exists (id " + holder.get().id + ")");
        }
    }
}
