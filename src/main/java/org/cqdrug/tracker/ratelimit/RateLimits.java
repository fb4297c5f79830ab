package org.cqdrug.tracker.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.cqdrug.tracker.spreadsheet.Download;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.cqdrug.tracker.web.FilterOrder;
import org.cqdrug.tracker.web.TrackerApi;

/**
 * Token buckets (Bucket4j) kept in PostgreSQL, so that the limits hold across instances: one per API key, and one
 * per client address for requests without a key. A spreadsheet export or a CSV import takes {@code tracker.rate-limit.bulk-cost}
 * tokens, anything else one. An empty bucket answers 429 with Retry-After.
 *
 * <p>Each bucket's proxy is kept (a bounded set, dropped when idle) and batches: requests that arrive while its round
 * trip is under way are charged together in the next one instead of each queueing on the bucket's row lock, which cut
 * a busy dashboard's reads to a fifth.
 */
public class RateLimits {

    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final int PURGE_BATCH = 1000;
    private static final int KEPT_PROXIES = 10_000;

    private final RateLimitConfig tracker;
    private final CurrentIdentityAssociation identities;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration perKey;
    private final BucketConfiguration anonymous;
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(KEPT_PROXIES).expireAfterAccess(PERIOD.multipliedBy(2)).build();

    public RateLimits(RateLimitConfig tracker, CurrentIdentityAssociation identities, DataSource dataSource) {
        this.tracker = tracker;
        this.identities = identities;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(PERIOD))
                .build();
        this.perKey = perMinute(tracker.perKeyPerMinute());
        this.anonymous = perMinute(tracker.anonymousPerMinute());
    }

    private static BucketConfiguration perMinute(long requests) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, PERIOD))
                .build();
    }

    @TrackerApi
    @ServerRequestFilter(priority = FilterOrder.RATE_LIMIT, nonBlocking = true)
    public Uni<Void> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!tracker.enabled()) {
            return Uni.createFrom().voidItem();
        }
        String address = "address:" + address(http);
        long cost = cost(request);
        Uni<String> holder = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                ? Uni.createFrom().nullItem()
                : identities.getDeferredIdentity()
                        // a bad key still costs its address a token, and is then refused
                        .onFailure(AuthenticationFailedException.class).recoverWithUni(failed -> blocking(() ->
                                charge(address, anonymous, 1, false)).chain(() -> Uni.createFrom().failure(failed)))
                        .map(identity -> identity.isAnonymous() ? null : identity.getPrincipal().getName());
        // The buckets live in PostgreSQL behind JDBC: charged on a worker thread, which the event loop awaits.
        return holder.chain(key -> blocking(() -> charge(key != null ? "key:" + key : address,
                key != null ? perKey : anonymous, cost, key != null)));
    }

    private static Uni<Void> blocking(Runnable work) {
        return Uni.createFrom().<Void>item(() -> {
            work.run();
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void charge(String bucket, BucketConfiguration limits, long tokens, boolean withKey) {
        ConsumptionProbe probe;
        try {
            probe = proxies.get(bucket,
                    name -> buckets.builder().withOptimization(Optimizations.batching()).build(name, () -> limits))
                    .tryConsumeAndReturnRemaining(tokens);
        } catch (RuntimeException e) {
            if (!notFound(e)) {
                throw e;
            }
            // Bucket4j creates a missing bucket for a lone command, but a batch of several first requests for it
            // (as a restarted instance meets a burst) fails whole; this one is then charged alone, which creates it.
            probe = buckets.builder().build(bucket, () -> limits).tryConsumeAndReturnRemaining(tokens);
        }
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new RateLimited(seconds, withKey);
        }
    }

    private static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** Thrown when a bucket is empty; the problem mapper answers 429 with Retry-After. */
    static final class RateLimited extends ApiProblem {

        RateLimited(long retryAfterSeconds, boolean withKey) {
            super(ProblemType.RATE_LIMITED, "Too many requests "
                    + (withKey ? "with this API key" : "from this address without an API key") + "; retry in "
                    + retryAfterSeconds + " s", null, retryAfterSeconds);
        }
    }

    /** The bodies of imports: CSV (the lists' own import, a saved list), a saved page, a workbook. */
    private static final List<MediaType> FILE_BODIES = List.of(MediaType.valueOf(Format.CSV_TYPE),
            MediaType.TEXT_HTML_TYPE, MediaType.valueOf(Format.XLSX_TYPE));

    private long cost(ContainerRequestContext request) {
        // A file body is an import (no other operation accepts one); an answer as CSV or xlsx is an export.
        MediaType body = request.getMediaType();
        boolean bulk = (body != null && FILE_BODIES.stream().anyMatch(body::isCompatible))
                || (HttpMethod.GET.equals(request.getMethod()) && Format.requested(
                        Format.parameter(request.getUriInfo().getQueryParameters().getFirst(Download.FORMAT)),
                        request.getAcceptableMediaTypes()).isPresent());
        return bulk ? tracker.bulkCost() : 1;
    }

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        while (buckets.removeExpired(PURGE_BATCH) == PURGE_BATCH) {
            // keep going until a batch comes back short
        }
    }
}
