package org.cqdrug.tracker.monitoring;

/** Gauges that are brought up to date just before each Prometheus scrape, rather than on a schedule. */
public interface ScrapedGauges {

    /** Reads what the gauges show; on failure the gauges keep their previous values. */
    void refresh();
}
