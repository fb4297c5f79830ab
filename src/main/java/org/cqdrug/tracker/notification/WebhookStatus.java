package org.cqdrug.tracker.notification;

/** Whether an endpoint is sent its events. */
public enum WebhookStatus {
    /** Sent its events. */
    ACTIVE,
    /** Its events are queued and held until it is made ACTIVE again. */
    PAUSED,
    /** Sent nothing: the receiver answered 410, or every attempt of a delivery failed for the whole retry window. */
    DISABLED
}
