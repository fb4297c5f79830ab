package org.cqdrug.tracker.apikey.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import org.cqdrug.tracker.apikey.ApiKey;
import org.cqdrug.tracker.apikey.mapping.ApiKeyInput;
import org.cqdrug.tracker.apikey.mapping.ApiKeyMapper;
import org.cqdrug.tracker.apikey.mapping.ApiKeyView;
import org.cqdrug.tracker.apikey.mapping.CreatedApiKey;
import org.cqdrug.tracker.common.Digests;
import org.cqdrug.tracker.access.AccessConfig;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.access.Role;
import org.jboss.logging.Logger;

/** API keys: created with a secret shown once, listed without it, revoked, and checked on every request. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class ApiKeyService {

    /** The name changes are attributed to when they are made with the bootstrap key. */
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";

    /** Names the history uses for changes no key made; a key may not take them. */
    private static final java.util.Set<String> RESERVED_NAMES = java.util.Set.of(BOOTSTRAP_NAME, "system",
            "history-baseline", "migration");

    private static final String PREFIX = "cqd_";
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_CHARACTERS = 8;
    /** lastUsedAt is written at most this often per key, so that reads do not turn into writes. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    static final Listing<ApiKey> LISTING = new Listing<>(ApiKey.class,
            SortKey.of("name", "e.name", String.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class));

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);

    private final SecureRandom random = new SecureRandom();
    private final ApiKeyMapper mapper;
    private final AccessConfig tracker;
    private final Clock clock;

    public ApiKeyService(ApiKeyMapper mapper, AccessConfig tracker, Clock clock) {
        this.mapper = mapper;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** Says so at start while the bootstrap key is set: it cannot be revoked, only unset. */
    void warnAboutTheBootstrapKey(@Observes StartupEvent start) {
        tracker.bootstrapAdminKey().filter(k -> !k.isBlank()).ifPresent(key -> LOG.warnf("TRACKER_BOOTSTRAP_ADMIN_KEY"
                + " is set: it is an ADMIN key that cannot be revoked. Create stored keys with it, then unset it.%s",
                key.length() < 32 ? " It is also short: use at least 32 random characters." : ""));
    }

    /** Who a key identifies. */
    public record Holder(String name, Role role) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKeyView> list(PageParams page) {
        return LISTING.page(new Criteria(), page, mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiKeyView> find(UUID id) {
        return ApiKey.<ApiKey>findByIdOptional(id).map(mapper::toView);
    }

    public CreatedApiKey create(@Valid ApiKeyInput input) {
        if (input.expiresAt() != null && !input.expiresAt().isAfter(clock.instant())) {
            throw ApiProblem.invalid("expiresAt", "must be in the future");
        }
        if (RESERVED_NAMES.contains(input.name().toLowerCase(java.util.Locale.ROOT))) {
            throw ApiProblem.invalid("name", "is reserved for the service's own changes; choose another");
        }
        if (ApiKey.count("name", input.name()) > 0) {
            throw ApiProblem.conflict("A key named '" + input.name() + "' already exists");
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey entity = new ApiKey();
        entity.name = input.name();
        entity.role = input.role();
        entity.expiresAt = input.expiresAt();
        entity.keyHash = hash(key);
        entity.keyPrefix = key.substring(0, SHOWN_CHARACTERS);
        entity.persistAndFlush();
        return new CreatedApiKey(key, mapper.toView(entity));
    }

    /** Revokes a key; it stays listed, with the time it was revoked. False when there is no such key. */
    public boolean revoke(UUID id, IfMatch ifMatch) {
        Optional<ApiKey> key = ApiKey.findByIdOptional(id);
        key.ifPresent(k -> {
            ifMatch.check(k, null, "API key");
            if (k.revokedAt == null) {
                k.revokedAt = clock.instant();
            }
        });
        return key.isPresent();
    }

    /** The holder of a key that is known, not revoked and not expired; records its use. */
    public Optional<Holder> identify(String key) {
        Optional<String> bootstrap = tracker.bootstrapAdminKey().filter(k -> !k.isBlank());
        if (bootstrap.isPresent() && MessageDigest.isEqual(bootstrap.get().getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Holder(BOOTSTRAP_NAME, Role.ADMIN));
        }
        Instant now = clock.instant();
        Optional<ApiKey> found = ApiKey.<ApiKey>find("keyHash", hash(key)).firstResultOptional()
                .filter(k -> k.revokedAt == null && (k.expiresAt == null || k.expiresAt.isAfter(now)));
        // A plain update: the use of a key is not a change of it, so its version (its ETag) stays.
        found.filter(k -> k.lastUsedAt == null || k.lastUsedAt.isBefore(now.minus(USE_RESOLUTION)))
                .ifPresent(k -> ApiKey.update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                        now, k.id, now.minus(USE_RESOLUTION)));
        return found.map(k -> new Holder(k.name, k.role));
    }

    private static String hash(String key) {
        return HexFormat.of().formatHex(Digests.sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
