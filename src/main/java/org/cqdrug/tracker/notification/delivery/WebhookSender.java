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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.notification.config.WebhookConfig;

/**
 * Sends one signed message to one receiver, as the Standard Webhooks specification says: headers
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} (one {@code v1,} HMAC-SHA256 over
 * {@code id.timestamp.body} per secret that signs, space-separated), signed by the specification's own library.
 * Redirects are not followed and the whole exchange, the body of the answer included, is bounded by
 * {@code tracker.webhook.timeout}.
 */
@ApplicationScoped
public class WebhookSender {

    /** The CloudEvents JSON form's media type (structured mode). */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private static final int HEAD = 200;

    /** Address checks resolve names, which may block: on threads of their own, never the delivery round's. */
    private static final java.util.concurrent.Executor LOOKUPS = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "webhook-address-check");
        thread.setDaemon(true);
        return thread;
    });

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

    /**
     * The message, signed with each secret. The answer comes when the receiver has answered in full or when
     * {@code tracker.webhook.timeout} has passed since the call, whichever is first: the address check (a DNS
     * lookup), connecting, the headers and the body all count, and the exchange is cancelled at the timeout.
     */
    public CompletableFuture<Answer> send(String url, String id, String body, List<String> secrets) {
        long started = System.nanoTime();
        long timestamp = Instant.now().getEpochSecond(); // the receiver's clock, not the service's own
        CompletableFuture<HttpResponse<String>> exchange = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> addresses.refusal(url), LOOKUPS).thenAccept(refusal -> {
            if (refusal != null) {
                exchange.completeExceptionally(new Refused("not sent: the address " + refusal));
                return;
            }
            String signatures;
            try {
                signatures = sign(id, timestamp, body, secrets);
            } catch (WebhookSigningException | EmptyWebhookSecretException e) {
                exchange.completeExceptionally(new Refused("not signed: " + e.getMessage()));
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                    .header("Content-Type", CONTENT_TYPE).header("User-Agent", "cqdrug-tracker-webhooks")
                    .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signatures)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            CompletableFuture<HttpResponse<String>> sent = client.sendAsync(request, info -> new Head(HEAD));
            exchange.whenComplete((done, failure) -> sent.cancel(true)); // a timeout ends the exchange too
            sent.whenComplete((response, failure) -> {
                if (failure != null) {
                    exchange.completeExceptionally(failure);
                } else {
                    exchange.complete(response);
                }
            });
        }).exceptionally(failure -> {
            exchange.completeExceptionally(failure);
            return null;
        });
        return exchange.orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(response -> new Answer(response.statusCode(), response.body(), retryAfter(response), null,
                        millisSince(started)))
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    String error = cause instanceof Refused ? cause.getMessage()
                            : cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                                    ? "timed out after " + config.timeout()
                                    : described(cause);
                    return new Answer(null, null, null, error.length() > 500 ? error.substring(0, 500) : error,
                            cause instanceof Refused ? 0 : millisSince(started));
                });
    }

    /** A failure as its kind and the first message in its chain of causes ("ConnectException: Connection refused"). */
    static String described(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return failure.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** Why an attempt was not sent at all. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Keeps the first characters of an answer's body and lets the rest go by. */
    static final class Head implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();

        Head(int characters) {
            this.limit = characters * 4; // UTF-8 takes at most four bytes a character
        }

        @Override
        public java.util.concurrent.CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            for (java.nio.ByteBuffer buffer : buffers) {
                int room = limit - kept.size();
                if (room > 0) {
                    byte[] bytes = new byte[Math.min(room, buffer.remaining())];
                    buffer.get(bytes);
                    kept.writeBytes(bytes);
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            String text = kept.toString(StandardCharsets.UTF_8);
            body.complete(text.length() > HEAD ? text.substring(0, HEAD) : text);
        }
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
