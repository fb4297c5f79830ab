package org.cqdrug.tracker.web;

import jakarta.ws.rs.Priorities;

/**
 * The filter chain of every {@link TrackerApi} request, in one place. Request filters run in ascending order of
 * these priorities, response filters in descending order (Jakarta REST's rule), so the names say which phase each
 * constant is for. Before any of them, a Vert.x route filter gives the request its id ({@link RequestIds}), so that
 * whatever is logged or answered knows it.
 *
 * <ol>
 * <li>{@link #RATE_LIMIT}: a token is charged first, so a request with a bad key still costs its address one.</li>
 * <li>{@link #BODY_LIMIT}: a body declared larger than the endpoint takes answers 413 before anything reads it.</li>
 * <li>{@link #ACCESS}: a request that sends a key is authenticated (401 for a bad one, on every endpoint), and reads
 * may require a key.</li>
 * <li>{@link #KNOWN_PARAMETERS}: an unknown or repeated query parameter answers 400, so a bad request never answers
 * 304 or a kept answer.</li>
 * <li>{@link #ENTITY_TAGS}: a GET is tagged with the change counter and answers 304 when If-None-Match still
 * matches.</li>
 * <li>{@link #KEPT_ANSWERS}: a GET whose answer is kept under that tag is answered from memory.</li>
 * <li>{@link #IDEMPOTENCY}: a POST with an Idempotency-Key gets the first answer again, or has its key noted for the
 * write to take in its own transaction (idempotency.IdempotentWrites); after authentication, since a key belongs
 * to its holder.</li>
 * </ol>
 * Every filter up to {@link #KEPT_ANSWERS} is non-blocking and runs on the event loop, even for a blocking endpoint
 * (what must block, a key's lookup or a rate-limit bucket's round trip, runs on a worker thread that the event loop
 * awaits), so a kept answer or a 304 is sent without a worker thread; Quarkus REST requires such filters to come
 * before every blocking one, and {@link #IDEMPOTENCY}, which reads the body, is the first of those.
 * On the way out: {@link #ENTITY_TAGS_OUT} adds ETag and Cache-Control, then {@link #KEPT_ANSWERS_OUT} keeps the
 * answer with those headers, then {@link #IDEMPOTENCY_OUT} stores a refusal (4xx) for its key.
 */
public final class FilterOrder {

    public static final int RATE_LIMIT = Priorities.AUTHENTICATION - 10;
    public static final int BODY_LIMIT = Priorities.AUTHENTICATION - 5;
    public static final int ACCESS = Priorities.AUTHENTICATION;
    public static final int KNOWN_PARAMETERS = Priorities.USER - 100;
    public static final int ENTITY_TAGS = Priorities.USER;
    public static final int KEPT_ANSWERS = Priorities.USER + 10;
    public static final int IDEMPOTENCY = Priorities.USER + 50;

    public static final int ENTITY_TAGS_OUT = Priorities.USER + 20;
    public static final int KEPT_ANSWERS_OUT = Priorities.USER + 10;
    public static final int IDEMPOTENCY_OUT = Priorities.USER;

    /** Vert.x route filters, for every request, run in descending order: the request id before everything else. */
    public static final int REQUEST_ID_ROUTE = 1000;
    /** Then, for a Prometheus scrape only, the gauges are brought up to date (monitoring.BeforeScrape). */
    public static final int SCRAPE_REFRESH_ROUTE = 10;

    private FilterOrder() {
    }
}
