package org.cqdrug.tracker.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.cqdrug.tracker.apikey.mapping.ApiKeyView;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.candidate.mapping.CandidateView;
import org.cqdrug.tracker.cluster.mapping.ClusterView;
import org.cqdrug.tracker.collaboration.mapping.CollaborationView;
import org.cqdrug.tracker.notification.mapping.WatchlistView;
import org.cqdrug.tracker.notification.mapping.WebhookView;
import org.cqdrug.tracker.organization.mapping.OrganizationView;
import org.cqdrug.tracker.published.mapping.PublishedCountView;
import org.cqdrug.tracker.source.mapping.SourceDocumentView;
import org.cqdrug.tracker.target.mapping.TargetView;

/**
 * The one list of the API's stored resources. A tracked resource's table is audited (Envers, a {@code <table>_aud}
 * twin) and change-counted (the {@code <table>_changed} trigger of V3 that bumps the counter behind every ETag and
 * kept answer); the change feed, the document's page schemas and {@code ApiResourceCatalogueTest}, which compares
 * this list with PostgreSQL's catalogue and Hibernate's audited entities, are all derived from it. Adding a tracked
 * table means a migration (table, trigger, {@code _aud} twin), an {@code @Audited} entity and an entry here.
 */
public enum ApiResource {

    CLUSTERS("cluster", true, ClusterView.class, "'/api/v1/clusters/' || id"),
    ORGANIZATIONS("organization", true, OrganizationView.class, "'/api/v1/organizations/' || id"),
    CANDIDATES("candidate", true, CandidateView.class, "'/api/v1/candidates/' || id"),
    MILESTONES("milestone", true, null, "'/api/v1/candidates/' || candidate_id || '/milestones/' || id"),
    APPROVALS("approval", true, ApprovalView.class, "'/api/v1/approvals/' || id"),
    TARGETS("target", true, TargetView.class, "'/api/v1/targets/' || id"),
    COLLABORATIONS("collaboration", true, CollaborationView.class, "'/api/v1/collaborations/' || id"),
    /** A collaboration's parties: tracked with it, and shown in the feed as a change of the collaboration. */
    COLLABORATION_PARTIES("collaboration_party", true, null, null),
    /** Counts regions and the nation published about themselves, beside the counts derived from records. */
    PUBLISHED_COUNTS("published_count", true, PublishedCountView.class, "'/api/v1/published-counts/' || id"),
    /** Saved official lists; their bytes and changesets are not tracked, only the document. */
    SOURCES("source_document", true, SourceDocumentView.class, "'/api/v1/sources/' || id"),
    /** Keys are not the tracked data: no history, no counter, never kept (see NoStore). */
    API_KEYS("api_key", false, ApiKeyView.class, null),
    /** Subscriptions are each key's own, not the tracked data: their secrets are written nowhere else. */
    WEBHOOKS("webhook", false, WebhookView.class, null),
    WATCHLISTS("watchlist", false, WatchlistView.class, null);

    /** The table in PostgreSQL. */
    public final String table;
    /** Audited and change-counted. */
    public final boolean tracked;
    /** The row view of its list, whose pages the document describes as {@code <View>Page}; null without a list. */
    public final Class<? extends Record> pagedView;
    /** SQL over the {@code _aud} table giving a changed row's path, for the change feed; null when not in it. */
    public final String feedPath;

    ApiResource(String table, boolean tracked, Class<? extends Record> pagedView, String feedPath) {
        this.table = table;
        this.tracked = tracked;
        this.pagedView = pagedView;
        this.feedPath = feedPath;
    }

    /** The name the change feed gives it: the last part of its path, such as {@code clusters}. */
    public String feedName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<ApiResource> tracked() {
        return Arrays.stream(values()).filter(resource -> resource.tracked).toList();
    }

    /** The tracked resources that the change feed reports, each row by its own path. */
    public static List<ApiResource> inFeed() {
        return tracked().stream().filter(resource -> resource.feedPath != null).toList();
    }

    public static List<Class<? extends Record>> pagedViews() {
        return Arrays.stream(values()).<Class<? extends Record>>map(resource -> resource.pagedView)
                .filter(Objects::nonNull).toList();
    }
}
