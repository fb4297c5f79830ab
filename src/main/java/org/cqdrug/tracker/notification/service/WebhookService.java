package org.cqdrug.tracker.notification.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.paging.Criteria;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.notification.Webhook;
import org.cqdrug.tracker.notification.WebhookStatus;
import org.cqdrug.tracker.notification.config.WebhookConfig;
import org.cqdrug.tracker.notification.delivery.ReceiverAddresses;
import org.cqdrug.tracker.notification.mapping.CreatedWebhook;
import org.cqdrug.tracker.notification.mapping.NotificationMapper;
import org.cqdrug.tracker.notification.mapping.WebhookInput;
import org.cqdrug.tracker.notification.mapping.WebhookView;
import org.cqdrug.tracker.web.IfMatch;

/** Subscribing endpoints, changing, pausing and deleting them, and rotating their secrets. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class WebhookService {

    static final Listing<Webhook> LISTING = new Listing<>(Webhook.class,
            SortKey.of("createdAt", "e.createdAt", Instant.class), SortKey.of("url", "e.url", String.class));

    private static final int SECRET_BYTES = 24;

    private final SecureRandom random = new SecureRandom();
    private final NotificationMapper mapper;
    private final ReceiverAddresses addresses;
    private final WebhookConfig config;

    public WebhookService(NotificationMapper mapper, ReceiverAddresses addresses, WebhookConfig config) {
        this.mapper = mapper;
        this.addresses = addresses;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookView> list(Caller caller, PageParams page) {
        Criteria criteria = new Criteria();
        if (!caller.admin()) {
            criteria.when(caller.name(), "owner", "e.owner = :owner");
        }
        return LISTING.page(criteria, page, mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(UUID id, Caller caller) {
        return mapper.toView(find(id, caller));
    }

    Webhook find(UUID id, Caller caller) {
        Webhook row = Webhook.findById(id);
        return Subscriptions.owned(row, caller, "webhook", id);
    }

    public CreatedWebhook create(WebhookInput input, Caller caller) {
        Webhook row = new Webhook();
        row.owner = caller.name();
        apply(input, row, WebhookStatus.ACTIVE);
        row.secret = secret();
        row.persist();
        return new CreatedWebhook(row.secret, mapper.toView(row));
    }

    public WebhookView replace(UUID id, WebhookInput input, Caller caller, IfMatch ifMatch) {
        Webhook row = find(id, caller);
        ifMatch.check(row, null, "webhook");
        apply(input, row, row.status);
        Webhook.getEntityManager().flush();
        return mapper.toView(row);
    }

    private void apply(WebhookInput input, Webhook row, WebhookStatus current) {
        String refusal = addresses.refusal(input.url());
        if (refusal != null) {
            throw ApiProblem.invalid("url", refusal);
        }
        Subscriptions.check(input.filter());
        WebhookStatus status = input.status() == null ? current : input.status();
        if (status == WebhookStatus.DISABLED && current != WebhookStatus.DISABLED) {
            throw ApiProblem.invalid("status", "is set by the service only; send ACTIVE or PAUSED");
        }
        mapper.apply(input, row);
        row.eventTypes = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(input.eventTypes()));
        if (status != WebhookStatus.DISABLED) {
            row.disabledReason = null;
        }
        row.status = status;
    }

    /** A new secret, shown once; the one it replaces still signs for tracker.webhook.secret-grace. */
    public CreatedWebhook rotate(UUID id, Caller caller, IfMatch ifMatch) {
        Webhook row = find(id, caller);
        ifMatch.check(row, null, "webhook");
        row.previousSecret = row.secret;
        row.previousSecretUntil = Instant.now().plus(config.secretGrace());
        row.secret = secret();
        Webhook.getEntityManager().flush();
        return new CreatedWebhook(row.secret, mapper.toView(row));
    }

    public boolean delete(UUID id, Caller caller, IfMatch ifMatch) {
        Webhook row = find(id, caller);
        return ifMatch.delete(java.util.Optional.of(row), "webhook");
    }

    private String secret() {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
