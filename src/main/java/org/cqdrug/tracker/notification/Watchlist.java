package org.cqdrug.tracker.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A saved filter of the events, with its own feed for a feed reader; it belongs to the API key that made it. */
@Entity
@Table(name = "watchlist")
public class Watchlist extends Subscription {

    @Column(nullable = false)
    public String name;
}
