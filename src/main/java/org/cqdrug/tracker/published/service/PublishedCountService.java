package org.cqdrug.tracker.published.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.common.References;
import org.cqdrug.tracker.common.audit.AuditTrail;
import org.cqdrug.tracker.common.audit.KnownAt;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.published.CountMetric;
import org.cqdrug.tracker.published.PublishedCount;
import org.cqdrug.tracker.published.mapping.PublishedCountFilter;
import org.cqdrug.tracker.published.mapping.PublishedCountInput;
import org.cqdrug.tracker.published.mapping.PublishedCountMapper;
import org.cqdrug.tracker.published.mapping.PublishedCountView;
import org.cqdrug.tracker.spreadsheet.SpreadsheetConfig;
import org.cqdrug.tracker.web.IfMatch;

/** Counts regions, clusters and the nation published about themselves, and the lookups the indicators make of them. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class PublishedCountService {

    static final Listing<PublishedCount> LISTING = new Listing<>(PublishedCount.class,
            SortKey.of("periodFrom", "e.periodFrom", LocalDate.class),
            SortKey.of("periodTo", "e.periodTo", LocalDate.class),
            SortKey.of("value", "e.value", Integer.class),
            SortKey.of("publishedOn", "e.publishedOn", LocalDate.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    /** Which of several counts speaks for a scope: the longest period, then the surest, then the latest published. */
    static final Comparator<PublishedCountView> LONGEST_SUREST_LATEST = Comparator
            .comparingLong((PublishedCountView c) -> -ChronoUnit.DAYS.between(c.periodFrom(), c.periodTo()))
            .thenComparing(PublishedCountView::evidence)
            .thenComparing(PublishedCountView::publishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(PublishedCountView::id);

    /** A count is known from the day it was published; one of unknown publication always. */
    private static final String KNOWN_BY = " and (publishedOn is null or publishedOn <= :asOf)";

    /** Rows in a stable order before they are viewed and sorted for good. */
    private static final Comparator<PublishedCount> LONGEST_SUREST_LATEST_ROWS = Comparator.comparing(c -> c.id);

    private final PublishedCountMapper mapper;
    private final AuditTrail audit;
    private final SpreadsheetConfig export;
    private final KnownAt knownAt;

    public PublishedCountService(PublishedCountMapper mapper, SpreadsheetConfig export, AuditTrail audit,
            KnownAt knownAt) {
        this.knownAt = knownAt;
        this.mapper = mapper;
        this.export = export;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PublishedCountView> list(PublishedCountFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, mapper::toView);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<PublishedCountView>> export(PublishedCountFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, mapper::toView, export.batchSize());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublishedCountView> find(UUID id) {
        return PublishedCount.<PublishedCount>findByIdOptional(id).map(mapper::toView);
    }

    /** Every revision of the count, oldest first, also after it was deleted; empty when it never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(UUID id) {
        return audit.of(PublishedCount.class, id, mapper::toView);
    }

    public PublishedCountView create(PublishedCountInput input) {
        PublishedCount count = new PublishedCount();
        write(input, count, null);
        count.persistAndFlush();
        return mapper.toView(count);
    }

    public Optional<PublishedCountView> replace(UUID id, PublishedCountInput input, IfMatch ifMatch) {
        return PublishedCount.<PublishedCount>findByIdOptional(id).map(count -> {
            ifMatch.check(count, input.version(), "published count");
            write(input, count, id);
            PublishedCount.flush();
            return mapper.toView(count);
        });
    }

    /** Deletes a published count; nothing refers to one. */
    public boolean delete(UUID id, IfMatch ifMatch) {
        return ifMatch.delete(PublishedCount.<PublishedCount>findByIdOptional(id), "published count");
    }

    /**
     * The counts of a scope (its region, or else its cluster) and metric whose periods lie within [from, to], known
     * by a date (published on or before it, or of unknown publication), the longest period first, then the surest,
     * then the latest published.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedCountView> within(Scope scope, CountMetric metric, LocalDate from, LocalDate to,
            LocalDate asOf) {
        String owner = scope.regionCode() != null ? "regionCode = :owner" : "cluster.id = :owner";
        Object ownerValue = scope.regionCode() != null ? scope.regionCode() : scope.clusterId();
        return knownAt.entities(PublishedCount.class, () -> PublishedCount.<PublishedCount>find(owner
                        + " and metric = :metric and periodFrom >= :from and periodTo <= :to" + KNOWN_BY,
                        Parameters.with("owner", ownerValue).and("metric", metric).and("from", from).and("to", to)
                                .and("asOf", asOf)).list(), LONGEST_SUREST_LATEST_ROWS).stream()
                .filter(c -> scope.regionCode() != null ? scope.regionCode().equals(c.regionCode)
                        : c.cluster != null && c.cluster.id.equals(scope.clusterId()))
                .filter(c -> c.metric == metric && !c.periodFrom.isBefore(from) && !c.periodTo.isAfter(to)
                        && knownBy(c, asOf))
                .map(mapper::toView).sorted(LONGEST_SUREST_LATEST).toList();
    }

    /**
     * Every region's (and the nation's) counts of a metric for exactly one calendar year, known by a date, the surest
     * first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedCountView> regionsInYear(CountMetric metric, int year, LocalDate asOf) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return knownAt.entities(PublishedCount.class, () -> PublishedCount.<PublishedCount>find("regionCode is not null"
                        + " and metric = :metric and periodFrom = :from and periodTo = :to" + KNOWN_BY,
                        Parameters.with("metric", metric).and("from", from).and("to", to).and("asOf", asOf)).list(),
                        LONGEST_SUREST_LATEST_ROWS).stream()
                .filter(c -> c.regionCode != null && c.metric == metric && c.periodFrom.equals(from)
                        && c.periodTo.equals(to) && knownBy(c, asOf))
                .map(mapper::toView)
                .sorted(Comparator.comparing(PublishedCountView::regionCode).thenComparing(LONGEST_SUREST_LATEST))
                .toList();
    }

    private void write(PublishedCountInput input, PublishedCount count, UUID self) {
        Cluster cluster = References.optional(Cluster.class, input.clusterId(), "clusterId", "cluster");
        requireNew(input, self);
        mapper.apply(input, count);
        count.cluster = cluster;
    }

    /** The same figure of the same scope, metric and period from the same source is recorded once. */
    private static void requireNew(PublishedCountInput in, UUID self) {
        PublishedCount.<PublishedCount>find("metric = ?1 and periodFrom = ?2 and periodTo = ?3", in.metric(),
                        in.periodFrom(), in.periodTo()).stream()
                .filter(other -> !other.id.equals(self)
                        && Objects.equals(other.regionCode, in.regionCode())
                        && Objects.equals(other.cluster == null ? null : other.cluster.id, in.clusterId())
                        && Objects.equals(other.sourceUrl, in.sourceUrl()))
                .findFirst()
                .ifPresent(other -> {
                    throw ApiProblem.conflict("This count (same scope, metric, period and source) is already recorded"
                            + " (id " + other.id + ")");
                });
    }

    /** {@link #KNOWN_BY} for a row read in memory: published by the date, or of unknown publication. */
    private static boolean knownBy(PublishedCount count, LocalDate asOf) {
        return count.publishedOn == null || !count.publishedOn.isAfter(asOf);
    }
}
