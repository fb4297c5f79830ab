package org.cqdrug.tracker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cqdrug.tracker.client.api.ClustersApi;
import org.cqdrug.tracker.client.api.IndicatorsApi;
import org.cqdrug.tracker.client.api.PublishedCountsApi;
import org.cqdrug.tracker.client.api.SourcesApi;
import org.cqdrug.tracker.client.api.EventsApi;
import org.cqdrug.tracker.client.api.WatchlistsApi;
import org.cqdrug.tracker.client.api.WebhooksApi;
import org.cqdrug.tracker.client.model.CreatedWebhook;
import org.cqdrug.tracker.client.model.Delivery;
import org.cqdrug.tracker.client.model.EventPage;
import org.cqdrug.tracker.client.model.Watchlist;
import org.cqdrug.tracker.client.model.WatchlistInput;
import org.cqdrug.tracker.client.model.WebhookInput;
import org.cqdrug.tracker.client.model.CountMetric;
import org.cqdrug.tracker.client.model.Evidence;
import org.cqdrug.tracker.client.model.LeagueEntry;
import org.cqdrug.tracker.client.model.PublishedCount;
import org.cqdrug.tracker.client.model.PublishedCountInput;
import org.cqdrug.tracker.client.model.RegionRow;
import org.cqdrug.tracker.client.model.RegionalComparison;
import org.cqdrug.tracker.client.model.ChangeAction;
import org.cqdrug.tracker.client.model.Changeset;
import org.cqdrug.tracker.client.model.DocumentStatus;
import org.cqdrug.tracker.client.model.SourceDocument;
import org.cqdrug.tracker.client.model.SourceKind;
import org.cqdrug.tracker.client.model.Cluster;
import org.cqdrug.tracker.client.model.ClusterInput;
import org.cqdrug.tracker.client.model.ClusterPage;
import org.cqdrug.tracker.client.model.IndicatorReport;
import org.cqdrug.tracker.client.model.Problem;
import org.cqdrug.tracker.testsupport.SavedFiles;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * Drives the service through the Java client that openapi-generator (native library) makes from the committed
 * contract at build time: what a client team gets from the published document must work as published.
 */
@Tag(Lanes.DATABASE)
@QuarkusTest
class GeneratedClientTest {

    /** The demo seed's plan target. */
    private static final UUID DEMO_TARGET = UUID.fromString("01900000-0000-7000-8000-000000000601");

    @TestHTTPResource("/")
    URI base;

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer test-admin-key"));
        return client;
    }

    private static String etag(ApiResponse<?> answer) {
        Map<String, List<String>> headers = answer.getHeaders();
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag"))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow();
    }

    @Test
    void aGeneratedClientCreatesReadsListsChangesAndDeletes() throws Exception {
        ApiClient client = client();
        ClustersApi clusters = new ClustersApi(client);
        String region = "CN-" + TestData.unique("G").substring(2, 5).toUpperCase(java.util.Locale.ROOT);
        Cluster created = clusters.clusterResourceCreate(new ClusterInput().code(TestData.unique("gen"))
                .name("Generated client").regionCode(region), UUID.randomUUID().toString());
        assertNotNull(created.getId());
        assertNull(created.getSourceUrl());
        clusters.clusterResourceCreate(new ClusterInput().code(TestData.unique("gen")).name("Second").regionCode(region),
                null);

        ApiResponse<Cluster> read = clusters.clusterResourceGetWithHttpInfo(created.getId(), null);
        assertEquals("Generated client", read.getData().getName());
        Cluster changed = clusters.clusterResourceReplace(created.getId(), etag(read),
                new ClusterInput().code(created.getCode()).name("Renamed").regionCode(region));
        assertEquals("Renamed", changed.getName());
        assertEquals(1L, changed.getVersion());

        ClusterPage first = clusters.clusterResourceList(null, null, null, null, 1, region, "code", null);
        assertEquals(1, first.getItems().size());
        assertNotNull(first.getNextCursor());
        ClusterPage second = clusters.clusterResourceList(null, first.getNextCursor(), null, null, 1, region, "code", null);
        assertEquals(1, second.getItems().size());
        assertNotEquals(first.getItems().get(0).getId(), second.getItems().get(0).getId());
        assertNull(second.getNextCursor());

        clusters.clusterResourceDelete(created.getId(),
                etag(clusters.clusterResourceGetWithHttpInfo(created.getId(), null)));
        ApiException gone = assertThrows(ApiException.class, () -> clusters.clusterResourceGet(created.getId(), null));
        assertEquals(404, gone.getCode());
        Problem problem = client.getObjectMapper().readValue(gone.getResponseBody(), Problem.class);
        assertEquals("urn:cqdrug:problem:not-found", problem.getType().toString());
        assertEquals(404, problem.getStatus());
    }

    @Test
    void aGeneratedClientRecordsAPublishedCountAndReadsTheRegionsBesideTheRecords() throws Exception {
        ApiClient client = client();
        PublishedCountsApi counts = new PublishedCountsApi(client);
        PublishedCount created = counts.publishedCountResourceCreate(new PublishedCountInput().regionCode("CN-YN")
                .metric(CountMetric.CLASS1_APPROVALS).periodFrom(LocalDate.of(2008, 1, 1))
                .periodTo(LocalDate.of(2008, 12, 31)).value(3).nationalShare(new java.math.BigDecimal("0.1"))
                .evidence(Evidence.REPORTED).sourceUrl("https://example.org/" + TestData.unique("yn")), null);
        assertEquals(3, created.getValue());
        RegionalComparison regions = new IndicatorsApi(client).indicatorResourceRegions(LocalDate.of(2009, 6, 30),
                null, null, null, null, 2008, null);
        RegionRow yunnan = regions.getRegions().stream().filter(r -> "CN-YN".equals(r.getRegionCode())).findFirst()
                .orElseThrow();
        assertEquals(3, yunnan.getPublished());
        assertEquals(0, yunnan.getCounted());
        assertEquals(0.0, yunnan.getCoverage(), 1e-9);
        List<LeagueEntry> league = new IndicatorsApi(client).indicatorResourceLeague(LocalDate.of(2026, 11, 28), null,
                null, null, null, null);
        assertTrue(league.stream().anyMatch(entry -> entry.getPublished() != null), "Beijing's own count is shown");
        counts.publishedCountResourceDelete(created.getId(),
                etag(counts.publishedCountResourceGetWithHttpInfo(created.getId(), null)));
    }

    @Test
    void aGeneratedClientReadsTheIndicatorsAndAStaleChangeAsAProblem() throws Exception {
        ApiClient client = client();
        IndicatorReport report = new IndicatorsApi(client).indicatorResourceIndicators(LocalDate.of(2026, 11, 28), null, null,
                null, null, null, DEMO_TARGET.toString(), null, null);
        assertEquals(3, report.getItems().size());
        assertEquals("MISSED", report.getItems().get(0).getStatus().getValue());

        ClustersApi clusters = new ClustersApi(client);
        Cluster created = clusters.clusterResourceCreate(new ClusterInput().code(TestData.unique("gen"))
                .name("Stale").regionCode("CN-HB"), null);
        ApiException stale = assertThrows(ApiException.class, () -> clusters.clusterResourceReplace(created.getId(),
                "\"9\"", new ClusterInput().code(created.getCode()).name("Lost").regionCode("CN-HB")));
        assertEquals(412, stale.getCode());
        Problem problem = client.getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertTrue(problem.getDetail().contains("version 0"), problem.getDetail());
    }

    @Test
    void aGeneratedClientUploadsASavedPageReviewsItsChangesetAndAppliesIt() throws Exception {
        ApiClient client = client();
        SourcesApi sources = new SourcesApi(client);
        String number = "CXHL26" + (10000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(80000));
        String page = new String(SavedFiles.html(SavedFiles.sheet("受理号", "药品名称", "注册分类", "企业名称", "承办日期")
                .row(number, "示例客户端片", "化学药品1类", "青海" + TestData.unique("示例客户端") + "药业有限公司",
                        LocalDate.of(2026, 2, 2)), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        SourceDocument document = sources.sourceResourceUpload(SourceKind.CDE_ACCEPTANCES,
                OffsetDateTime.parse("2026-11-27T10:00:00+08:00"), "https://www.cde.org.cn/", page, null);
        assertEquals(1, document.getRowsRead());
        Changeset changes = sources.sourceResourceChanges(document.getId(), null, null, null, null);
        assertEquals(ChangeAction.CREATE_CANDIDATE, changes.getItems().get(0).getAction());
        SourceDocument applied = sources.sourceResourceApply(document.getId(),
                etag(sources.sourceResourceGetWithHttpInfo(document.getId(), null)), null);
        assertEquals(DocumentStatus.APPLIED, applied.getStatus());
    }

    @Test
    void aGeneratedClientSubscribesAWebhookPingsItReadsItsLogAndFollowsAWatchlist() throws Exception {
        ApiClient client = client();
        WebhooksApi webhooks = new WebhooksApi(client);
        CreatedWebhook created = webhooks.webhookResourceCreate(new WebhookInput().url("https://hooks.example.org/"
                + TestData.unique("gen")).eventTypes(List.of("approval.created", "target.outlook_changed"))
                .regionCode("CN-HB"));
        assertTrue(created.getSecret().startsWith("whsec_"));
        UUID id = created.getWebhook().getId();
        Delivery ping = webhooks.webhookResourcePing(id);
        assertEquals("webhook.ping", ping.getEventType());
        assertEquals(1, webhooks.webhookResourceDeliveries(id, null, 10).getItems().size());
        CreatedWebhook rotated = webhooks.webhookResourceRotate(id,
                etag(webhooks.webhookResourceGetWithHttpInfo(id, null)));
        assertNotEquals(created.getSecret(), rotated.getSecret());
        assertNotNull(rotated.getWebhook().getPreviousSecretUntil());
        webhooks.webhookResourceDelete(id, etag(webhooks.webhookResourceGetWithHttpInfo(id, null)));

        WatchlistsApi watchlists = new WatchlistsApi(client);
        Watchlist watchlist = watchlists.watchlistResourceCreate(new WatchlistInput().name("Generated")
                .eventTypes(List.of("approval.created")).regionCode("CN-HB"));
        assertTrue(watchlist.getFeed().endsWith("/events?format=atom"));
        EventPage page = watchlists.watchlistFeedResourceEvents(watchlist.getId(), null, null, null, 5, null);
        assertTrue(page.getItems().stream().allMatch(event -> event.getType().equals("approval.created")));
        EventPage all = new EventsApi(client).eventResourceList(null, null, null, null, null, 5, null, null, null, null);
        assertTrue(all.getItems().size() <= 5);
    }
}
