package org.cqdrug.tracker.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.common.audit.KnownAt;
import org.cqdrug.tracker.common.vocabulary.Scope;

/**
 * The indicators' inputs kept between reports, each under the version the database keeps for it in the transaction
 * of every write that changes it (V22__input_versions.sql). Work run {@link #reading} reads the versions once; an
 * input asked for inside it is read again only when its version moved since it was kept, so the first report after a
 * write costs what that write changed: a new candidate rereads the pipeline of the scopes it stands in, not the
 * approvals or the published counts. Outside {@link #reading}, and for reads as known at an instant, every input is
 * read from the database.
 *
 * <p>The versions are read before the inputs, so a kept input is never older than the version it is kept under. Work
 * inside a transaction keeps nothing: it may see its own writes, and their versions, before they commit or roll back.
 */
@ApplicationScoped
public class InputMemo {

    /** Bound on the kept inputs, past which the least used go (each report asks for a few dozen). */
    private static final int MOST_KEPT = 2_000;

    /** One cell of the standing pipeline: a sponsor region and a cluster, either unset. */
    public record Cell(String regionCode, UUID clusterId) {

        boolean within(Scope scope) {
            return (scope.regionCode() == null || scope.regionCode().equals(regionCode))
                    && (scope.clusterId() == null || scope.clusterId().equals(clusterId));
        }
    }

    /** The versions one reading works under. */
    private record Versions(long approvals, long published, Map<Cell, Long> standing) {

        /** The standing pipeline's version for a scope: the sum of its cells' (versions only grow). */
        long standing(Scope scope) {
            long sum = 0;
            for (Map.Entry<Cell, Long> cell : standing.entrySet()) {
                if (cell.getKey().within(scope)) {
                    sum += cell.getValue();
                }
            }
            return sum;
        }
    }

    private record Key(String input, Object arguments) {
    }

    private record Kept(long version, Object value) {
    }

    private final InputVersionRepository inputVersions;
    private final KnownAt knownAt;
    private final ThreadLocal<Versions> reading = new ThreadLocal<>();
    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumSize(MOST_KEPT).build();

    public InputMemo(InputVersionRepository inputVersions, KnownAt knownAt) {
        this.inputVersions = inputVersions;
        this.knownAt = knownAt;
    }

    /** Runs the work with the inputs' versions read once for all of it (once for the outermost, when nested). */
    public <T> T reading(Supplier<T> work) {
        if (reading.get() != null || !knownAt.live() || QuarkusTransaction.isActive()) {
            return work.get();
        }
        reading.set(versions());
        try {
            return work.get();
        } finally {
            reading.remove();
        }
    }

    /** Counted approvals that the arguments select, kept under the approvals' version. */
    public <T> T approvals(Object arguments, Supplier<T> read) {
        return kept("approvals", arguments, Versions::approvals, read);
    }

    /** Published counts that the arguments select, kept under the published counts' version. */
    public <T> T published(Object arguments, Supplier<T> read) {
        return kept("published", arguments, Versions::published, read);
    }

    /** The standing pipeline of a scope, kept under the versions of the cells it covers. */
    public <T> T standing(Scope scope, Supplier<T> read) {
        return kept("standing", scope, versions -> versions.standing(scope), read);
    }

    /**
     * Each of the scope's cells' standing, kept under the cell's version: those not kept are read in one call. Null
     * outside {@link #reading}, where the caller reads the scope as a whole.
     */
    @SuppressWarnings("unchecked")
    public <T> Map<Cell, T> standingCells(Scope scope, Function<List<Cell>, Map<Cell, T>> read) {
        Versions versions = reading.get();
        if (versions == null || !knownAt.live() || QuarkusTransaction.isActive()) {
            return null;
        }
        Map<Cell, T> out = new HashMap<>();
        List<Cell> missing = new ArrayList<>();
        versions.standing().forEach((cell, version) -> {
            if (cell.within(scope)) {
                Kept found = kept.getIfPresent(new Key("standing-cell", cell));
                if (found != null && found.version() == version) {
                    out.put(cell, (T) found.value());
                } else {
                    missing.add(cell);
                }
            }
        });
        if (!missing.isEmpty()) {
            Map<Cell, T> fresh = read.apply(missing);
            for (Cell cell : missing) {
                T value = Objects.requireNonNull(fresh.get(cell));
                keep(new Key("standing-cell", cell), versions.standing().get(cell), value);
                out.put(cell, value);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> T kept(String input, Object arguments, ToLongFunction<Versions> version, Supplier<T> read) {
        Versions versions = reading.get();
        if (versions == null || !knownAt.live() || QuarkusTransaction.isActive()) {
            return read.get();
        }
        Key key = new Key(input, arguments);
        long current = version.applyAsLong(versions);
        Kept found = kept.getIfPresent(key);
        if (found != null && found.version() == current) {
            return (T) found.value();
        }
        T value = Objects.requireNonNull(read.get());
        keep(key, current, value);
        return value;
    }

    private void keep(Key key, long version, Object value) {
        kept.put(key, new Kept(version, value));
    }

    private Versions versions() {
        long approvals = 0;
        long published = 0;
        Map<Cell, Long> standing = new HashMap<>();
        for (InputVersionRepository.InputVersion row : inputVersions.all()) {
            switch (row.input()) {
                case "approvals" -> approvals = row.version();
                case "published" -> published = row.version();
                default -> standing.put(new Cell(row.regionCode(), row.clusterId()), row.version());
            }
        }
        return new Versions(approvals, published, standing);
    }
}
