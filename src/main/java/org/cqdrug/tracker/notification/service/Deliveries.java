package org.cqdrug.tracker.notification.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.access.AccessConfig;
import org.cqdrug.tracker.apikey.service.ApiKeyService;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.common.paging.Cursors;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.notification.EventType;
import org.cqdrug.tracker.notification.config.WebhookConfig;
import org.cqdrug.tracker.notification.delivery.WebhookSender;
import org.cqdrug.tracker.notification.mapping.DeliveryPage;
import org.cqdrug.tracker.notification.mapping.DeliveryView;
import org.cqdrug.tracker.notification.mapping.EventFilter;
import org.cqdrug.tracker.notification.mapping.EventView;
import org.jboss.logging.Logger;

/**
 * The delivery queue in PostgreSQL. Events are fanned out to the endpoints whose filters match them, once, by
 * whichever instance locks them first; due deliveries are claimed for one attempt with a lease (skip locked, so two
 * instances never claim the same one), sent outside any transaction, and their outcome recorded only by the claim
 * that made the attempt. A claim whose instance stopped before recording expires, and the next attempt goes out
 * with the same webhook-id: at least once.
 */
@RetriedOnConflict
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** How long past the receiver's timeout a claim is kept before another instance may make the next attempt. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /**
     * SQL over delivery {@code d} and its webhook {@code w}: waiting for an attempt that will be made, since the
     * endpoint is ACTIVE and the key it belongs to is valid (the bootstrap key's only while it is set).
     */
    private static final String DELIVERABLE = "d.state = 'PENDING' and w.status = 'ACTIVE'"
            + " and (w.owner = :bootstrap or exists (select 1 from api_key k where k.name = w.owner"
            + " and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())))";

    private final EntityManager em;
    private final WebhookConfig config;
    private final Events events;
    private final AccessConfig access;

    public Deliveries(EntityManager em, WebhookConfig config, Events events, AccessConfig access) {
        this.em = em;
        this.config = config;
        this.events = events;
        this.access = access;
    }

    /** The owner name of the bootstrap key's webhooks while the key is set; a name no key has otherwise. */
    private String bootstrapOwner() {
        return access.bootstrapAdminKey().filter(key -> !key.isBlank()).isPresent() ? ApiKeyService.BOOTSTRAP_NAME : "";
    }

    /** One claimed attempt: what to send, where, signed with which secrets. */
    public record Claim(UUID delivery, int attempt, UUID webhook, String url, List<String> secrets, EventView event,
            Instant firstAttempt) {

        @Override
        public String toString() {
            return "Claim of attempt " + attempt + " of delivery " + delivery + " to " + url; // never the secrets
        }
    }

    /** Fans a batch of new events out to the endpoints that match them; answers how many events it took. */
    @Transactional
    public int relay(int limit) {
        @SuppressWarnings("unchecked")
        List<Number> batch = em.createNativeQuery("select seq from event where not fanned_out order by seq limit "
                + limit + " for update skip locked").getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Long> seqs = batch.stream().map(Number::longValue).toList();
        em.createNativeQuery("insert into delivery (id, webhook_id, event_id, state, attempts, next_attempt_at, created_at)"
                + " select gen_random_uuid(), w.id, e.id, 'PENDING', 0, now(), now() from event e join webhook w"
                + " on w.status <> 'DISABLED' and " + EventFilter.matchesColumnsOf("w")
                + " where e.seq in (:seqs) and e.webhook_id is null order by e.seq")
                .setParameter("seqs", seqs).executeUpdate();
        em.createNativeQuery("update event set fanned_out = true where seq in (:seqs)").setParameter("seqs", seqs)
                .executeUpdate();
        return seqs.size();
    }

    /** Claims up to {@code limit} due deliveries of active endpoints whose keys are valid, each for its next attempt. */
    @Transactional
    public List<Claim> claim(String instance, int limit) {
        Duration lease = config.timeout().plus(LEASE_MARGIN);
        // one statement claims the batch, logs each attempt and reads what to send: the first attempt's time
        // comes from the log's earlier rows, which the statement's own insert does not see
        List<Object[]> claimed = SqlRows.list(em, "with due as (select d.id from delivery d join webhook w on w.id = d.webhook_id"
                + " where " + DELIVERABLE + " and d.next_attempt_at <= now()"
                + " and (d.claimed_until is null or d.claimed_until < now())"
                + " order by d.next_attempt_at limit " + limit + " for update of d skip locked),"
                + " claimed as (update delivery d set attempts = d.attempts + 1, claimed_by = :instance,"
                + " claimed_until = now() + make_interval(secs => :lease) from due where d.id = due.id"
                + " returning d.id, d.attempts, d.webhook_id, d.event_id),"
                + " logged as (insert into delivery_attempt (delivery_id, number, instance, started_at)"
                + " select id, attempts, :instance, now() from claimed)"
                + " select c.id, c.attempts, c.webhook_id, c.event_id, w.url, w.secret,"
                + " case when w.previous_secret_until > now() then w.previous_secret end,"
                + " coalesce((select min(a.started_at) from delivery_attempt a where a.delivery_id = c.id), now())"
                + " from claimed c join webhook w on w.id = c.webhook_id",
                Map.of("bootstrap", bootstrapOwner(), "instance", instance, "lease", (double) lease.toMillis() / 1000));
        Map<UUID, EventView> byId = events.byIds(claimed.stream().map(row -> (UUID) row[3]).distinct().toList());
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : claimed) {
            List<String> secrets = new ArrayList<>();
            secrets.add((String) row[5]);
            if (row[6] != null) {
                secrets.add((String) row[6]);
            }
            claims.add(new Claim((UUID) row[0], SqlRows.integer(row[1]), (UUID) row[2], (String) row[4], secrets,
                    byId.get((UUID) row[3]), SqlRows.instant(row[7])));
        }
        return claims;
    }

    /** What became of an attempt, recorded only if the claim is still this attempt's (a lapsed one records nothing). */
    public enum Outcome { DELIVERED, RETRYING, GAVE_UP, GONE, LAPSED }

    /** Records an attempt's answer and decides the delivery's next step. */
    /** Records a round's answers in one transaction; the outcomes come in the claims' order. */
    @Transactional
    public List<Outcome> recordAll(List<Claim> claims, String instance, List<WebhookSender.Answer> answers) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            outcomes.add(recordOne(claims.get(i), instance, answers.get(i)));
        }
        return outcomes;
    }

    @Transactional
    public Outcome record(Claim claim, String instance, WebhookSender.Answer answer) {
        return recordOne(claim, instance, answer);
    }

    private Outcome recordOne(Claim claim, String instance, WebhookSender.Answer answer) {
        // the webhook, then its delivery, then the attempt: the order a deletion of the webhook locks them in
        if (em.createNativeQuery("select 1 from webhook where id = :id for key share").setParameter("id", claim.webhook())
                .getResultList().isEmpty()) {
            return Outcome.LAPSED;
        }
        int owned = em.createNativeQuery("update delivery set claimed_until = claimed_until where id = :delivery"
                + " and attempts = :number and claimed_by = :instance and state = 'PENDING'")
                .setParameter("delivery", claim.delivery()).setParameter("number", claim.attempt())
                .setParameter("instance", instance).executeUpdate();
        if (owned == 0) {
            return Outcome.LAPSED; // the claim expired and another attempt was claimed, or made
        }
        em.createNativeQuery("update delivery_attempt set status = :status, latency_ms = :latency,"
                + " error = :error, answer_head = :head where delivery_id = :delivery and number = :number")
                .setParameter("status", answer.status()).setParameter("latency", answer.latencyMs())
                .setParameter("error", answer.error()).setParameter("head", answer.head())
                .setParameter("delivery", claim.delivery()).setParameter("number", claim.attempt()).executeUpdate();
        if (answer.delivered()) {
            finish(claim, "DELIVERED");
            return Outcome.DELIVERED;
        }
        if (answer.status() != null && answer.status() == 410) {
            finish(claim, "FAILED");
            disable(claim.webhook(), "The receiver answered 410 Gone at " + Instant.now() + " (delivery "
                    + claim.delivery() + ")");
            return Outcome.GONE;
        }
        List<Duration> schedule = config.retrySchedule();
        if (claim.attempt() > schedule.size()) {
            finish(claim, "FAILED");
            disable(claim.webhook(), "Every attempt of delivery " + claim.delivery() + " (" + claim.event().type()
                    + ") failed from " + claim.firstAttempt() + " to " + Instant.now() + "; the last: "
                    + (answer.status() != null ? "HTTP " + answer.status() : answer.error()));
            return Outcome.GAVE_UP;
        }
        Duration wait = jittered(schedule.get(claim.attempt() - 1));
        if (answer.retryAfter() != null && answer.status() != null
                && (answer.status() == 429 || answer.status() == 503) && answer.retryAfter().compareTo(wait) > 0) {
            // not before the receiver asked, nor sooner than the schedule: a short Retry-After spends no attempts
            wait = answer.retryAfter().compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : answer.retryAfter();
        }
        em.createNativeQuery("update delivery set next_attempt_at = now() + make_interval(secs => :wait),"
                + " claimed_by = null, claimed_until = null where id = :id")
                .setParameter("wait", (double) wait.toMillis() / 1000).setParameter("id", claim.delivery()).executeUpdate();
        return Outcome.RETRYING;
    }

    private Duration jittered(Duration wait) {
        double spread = config.jitter() * wait.toMillis();
        return Duration.ofMillis(Math.max(0, Math.round(wait.toMillis() + ThreadLocalRandom.current().nextDouble(-spread,
                spread + 1e-9))));
    }

    private void finish(Claim claim, String state) {
        em.createNativeQuery("update delivery set state = :state, claimed_by = null, claimed_until = null where id = :id")
                .setParameter("state", state).setParameter("id", claim.delivery()).executeUpdate();
    }

    private void disable(UUID webhook, String reason) {
        LOG.warnf("Webhook %s disabled: %s", webhook, reason);
        em.createNativeQuery("update webhook set status = 'DISABLED', disabled_reason = :reason, version = version + 1,"
                + " updated_at = now() where id = :id").setParameter("reason", reason).setParameter("id", webhook)
                .executeUpdate();
    }

    /** A ping to one endpoint: an event of its own, delivered like any other. */
    @Transactional
    public DeliveryView ping(UUID webhook) {
        UUID event = UUID.randomUUID();
        em.createNativeQuery("insert into event (id, type, subject, occurred_at, record_id, webhook_id, fanned_out)"
                + " values (:id, :type, :subject, now(), :webhook, :webhook, true)").setParameter("id", event)
                .setParameter("type", EventType.PING.id).setParameter("subject", "/api/v1/webhooks/" + webhook)
                .setParameter("webhook", webhook).executeUpdate();
        return queue(webhook, event, null);
    }

    /** Sends a delivery's event again, as a new delivery with the same webhook-id. */
    @Transactional
    public DeliveryView replay(UUID webhook, UUID delivery) {
        List<?> event = em.createNativeQuery("select event_id from delivery where id = :id and webhook_id = :webhook")
                .setParameter("id", delivery).setParameter("webhook", webhook).getResultList();
        if (event.isEmpty()) {
            throw ApiProblem.notFound("delivery", delivery);
        }
        return queue(webhook, (UUID) event.get(0), delivery);
    }

    private DeliveryView queue(UUID webhook, UUID event, UUID replayOf) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into delivery (id, webhook_id, event_id, state, attempts, next_attempt_at,"
                + " created_at, replay_of) values (:id, :webhook, :event, 'PENDING', 0, now(), now(), :replayOf)")
                .setParameter("id", id).setParameter("webhook", webhook).setParameter("event", event)
                .setParameter("replayOf", replayOf).executeUpdate();
        return find(id);
    }

    /** One page of an endpoint's deliveries, newest first, each with its attempts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryPage list(UUID webhook, String cursor, int limit) {
        String context = "deliveries:" + webhook;
        Map<String, Object> params = new HashMap<>();
        params.put("webhook", webhook);
        String after = "";
        List<String> position = Cursors.decode(cursor, context, 2);
        if (position != null) {
            try {
                params.put("afterAt", Instant.parse(position.get(0)));
                params.put("afterId", UUID.fromString(position.get(1)));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor issued by this API; use nextCursor from a previous page");
            }
            after = " and (d.created_at, d.id) < (:afterAt, :afterId)";
        }
        List<Object[]> rows = SqlRows.list(em, "select d.id from delivery d where d.webhook_id = :webhook" + after
                + " order by d.created_at desc, d.id desc limit " + (limit + 1), params);
        List<DeliveryView> items = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(find((UUID) (row instanceof Object[] array ? array[0] : row)));
        }
        String next = null;
        if (rows.size() > limit) {
            DeliveryView last = items.get(items.size() - 1);
            next = Cursors.encode(context, List.of(last.createdAt().toString(), last.id().toString()));
        }
        return new DeliveryPage(items, next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryView find(UUID id) {
        Object[] d = (Object[]) em.createNativeQuery("select d.id, d.event_id, e.type, d.state, d.attempts,"
                + " case when d.state = 'PENDING' then d.next_attempt_at end, d.created_at, d.replay_of"
                + " from delivery d join event e on e.id = d.event_id where d.id = :id").setParameter("id", id)
                .getSingleResult();
        List<DeliveryView.Attempt> attempts = new ArrayList<>();
        for (Object[] a : SqlRows.list(em, "select number, instance, started_at, status, latency_ms, error, answer_head"
                + " from delivery_attempt where delivery_id = :id order by number", Map.of("id", id))) {
            attempts.add(new DeliveryView.Attempt(SqlRows.integer(a[0]), (String) a[1], SqlRows.instant(a[2]),
                    a[3] == null ? null : SqlRows.integer(a[3]), a[4] == null ? null : SqlRows.integer(a[4]),
                    (String) a[5], (String) a[6]));
        }
        return new DeliveryView((UUID) d[0], (UUID) d[1], (String) d[2], (String) d[3], SqlRows.integer(d[4]),
                SqlRows.instant(d[5]), SqlRows.instant(d[6]), (UUID) d[7], attempts);
    }

    /**
     * Deliveries waiting for an attempt that will be made (held ones of paused or disabled endpoints, or of keys no
     * longer valid, left out), and how long the oldest has waited since it was queued, in seconds.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public double[] queue() {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), coalesce(extract(epoch from now()"
                + " - min(d.created_at)), 0) from delivery d join webhook w on w.id = d.webhook_id where " + DELIVERABLE)
                .setParameter("bootstrap", bootstrapOwner()).getSingleResult();
        return new double[] {((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue()};
    }
}
