package org.cqdrug.tracker.notification.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.httpcache.ChangeCounter;
import org.cqdrug.tracker.notification.Watchlist;
import org.cqdrug.tracker.notification.mapping.EventFilter;
import org.cqdrug.tracker.notification.mapping.NotificationMapper;
import org.cqdrug.tracker.notification.mapping.WatchlistInput;
import org.cqdrug.tracker.notification.mapping.WatchlistView;
import org.cqdrug.tracker.web.IfMatch;

/**
 * Saved filters of the events. Their feeds are read through kept answers and ETags, which follow the data's change
 * counter, so a change of a watchlist bumps it.
 */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class WatchlistService {

    static final Listing<Watchlist> LISTING = new Listing<>(Watchlist.class,
            SortKey.of("createdAt", "e.createdAt", Instant.class), SortKey.of("name", "e.name", String.class));

    private final NotificationMapper mapper;

    public WatchlistService(NotificationMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WatchlistView> list(Caller caller, PageParams page) {
        Criteria criteria = new Criteria();
        if (!caller.admin()) {
            criteria.when(caller.name(), "owner", "e.owner = :owner");
        }
        return LISTING.page(criteria, page, mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WatchlistView get(UUID id, Caller caller) {
        return mapper.toView(find(id, caller));
    }

    /** A watchlist's filter, for its feed: anyone who may read the data may read it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EventFilter filter(UUID id) {
        Watchlist row = Watchlist.findById(id);
        if (row == null) {
            throw ApiProblem.notFound("watchlist", id);
        }
        return new EventFilter(row.eventTypes, row.regionCode, row.targetId, row.clusterId, row.candidateId);
    }

    /** A watchlist's name, for its feed's title. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String name(UUID id) {
        Watchlist row = Watchlist.findById(id);
        if (row == null) {
            throw ApiProblem.notFound("watchlist", id);
        }
        return row.name;
    }

    private Watchlist find(UUID id, Caller caller) {
        Watchlist row = Watchlist.findById(id);
        return Subscriptions.owned(row, caller, "watchlist", id);
    }

    public WatchlistView create(WatchlistInput input, Caller caller) {
        Watchlist row = new Watchlist();
        row.owner = caller.name();
        apply(input, row);
        counted();
        row.persist();
        return mapper.toView(row);
    }

    public WatchlistView replace(UUID id, WatchlistInput input, Caller caller, IfMatch ifMatch) {
        Watchlist row = find(id, caller);
        ifMatch.check(row, null, "watchlist");
        apply(input, row);
        counted();
        Watchlist.getEntityManager().flush();
        return mapper.toView(row);
    }

    public boolean delete(UUID id, Caller caller, IfMatch ifMatch) {
        Watchlist row = find(id, caller);
        counted();
        return ifMatch.delete(java.util.Optional.of(row), "watchlist");
    }

    private void apply(WatchlistInput input, Watchlist row) {
        Subscriptions.check(input.filter());
        mapper.apply(input, row);
        row.eventTypes = input.eventTypes() == null ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(new java.util.LinkedHashSet<>(input.eventTypes()));
    }

    /** A watchlist's feed is kept and tagged by the change counter, so its writes bump it, before their own rows. */
    private static void counted() {
        ChangeCounter.bump(Watchlist.getEntityManager());
    }
}
