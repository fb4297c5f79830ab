package org.cqdrug.tracker.notification.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of an endpoint's deliveries, newest first. */
@Schema(name = "DeliveryPage")
public record DeliveryPage(
        List<DeliveryView> items,
        @Schema(description = "Pass as cursor for older deliveries; null on the last page", nullable = true) String nextCursor) {
}
