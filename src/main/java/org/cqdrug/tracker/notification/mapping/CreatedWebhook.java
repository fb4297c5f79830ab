package org.cqdrug.tracker.notification.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to subscribing an endpoint or rotating its secret: the secret, shown this once, and the endpoint. */
@Schema(name = "CreatedWebhook")
public record CreatedWebhook(
        @Schema(description = "The signing secret (Standard Webhooks: whsec_ and base64). Verify webhook-signature"
                + " with it; it cannot be shown again.", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,
        WebhookView webhook) {
}
