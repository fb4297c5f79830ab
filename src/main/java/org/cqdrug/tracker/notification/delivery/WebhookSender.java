package org.cqdrug.tracker.notification.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.notification.config.WebhookConfig;

/**
 * Sends one signed message to one receiver, as the Standard Webhooks specification says: headers
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} (one {@code v1,} HMAC-SHA256 over
 * {@code id.timestamp.body} per secret that signs, space-separated), signed by the specification's own library.
 * Redirects are not followed and the whole exchange is bounded by {@code tracker.webhook.timeout}.
 */
@ApplicationScoped
public class WebhookSender {

    /** The CloudEvents JSON form's media type (structured mode). */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private static final int HEAD = 200;

    private final WebhookConfig config;
    private final ReceiverAddresses addresses;
    private final HttpClient client;

    public WebhookSender(WebhookConfig config, ReceiverAddresses addresses) {
        this.config = config;
        this.addresses = addresses;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** What an attempt came to: the status (null without an answer), the answer's start, and the wait it asked for. */
    public record Answer(Integer status, String head, Duration retryAfter, String error, int latencyMs) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** The message, signed with each secret; the answer comes when the receiver answers or the timeout passes. */
    public CompletableFuture<Answer> send(String url, String id, String body, List<String> secrets) {
        long started = System.nanoTime();
        String refusal = addresses.refusal(url);
        if (refusal != null) {
            return CompletableFuture.completedFuture(new Answer(null, null, null, "not sent: the address " + refusal, 0));
        }
        long timestamp = Instant.now().getEpochSecond(); // the receiver's clock, not the service's own
        String signatures;
        try {
            signatures = sign(id, timestamp, body, secrets);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            return CompletableFuture.completedFuture(new Answer(null, null, null, "not signed: " + e.getMessage(), 0));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                .header("Content-Type", CONTENT_TYPE).header("User-Agent", "cqdrug-tracker-webhooks")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            String head;
            try (var in = response.body()) {
                head = new String(in.readNBytes(HEAD * 4), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                head = "";
            }
            head = head.length() > HEAD ? head.substring(0, HEAD) : head;
            return new Answer(response.statusCode(), head, retryAfter(response), null, millisSince(started));
        }).exceptionally(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String error = cause instanceof HttpTimeoutException ? "timed out after " + config.timeout()
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new Answer(null, null, null, error.length() > 500 ? error.substring(0, 500) : error,
                    millisSince(started));
        });
    }

    static String sign(String id, long timestamp, String body, List<String> secrets)
            throws WebhookSigningException, EmptyWebhookSecretException {
        StringBuilder out = new StringBuilder();
        for (String secret : secrets) {
            out.append(out.isEmpty() ? "" : " ").append(new Webhook(secret).sign(id, timestamp, body));
        }
        return out.toString();
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                return Duration.between(Instant.now(), ZonedDateTime.parse(value.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static int millisSince(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
