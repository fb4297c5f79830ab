package org.cqdrug.tracker.common.vocabulary;

/** The one definition of a region code: ISO 3166-1 alpha-2 country, optionally with an ISO 3166-2 subdivision. */
public final class RegionCodes {

    /** Matches {@code CN} or {@code CN-CQ}; the migrations hold the same rule as a check constraint. */
    public static final String PATTERN = "^[A-Z]{2}(-[A-Z0-9]{1,3})?$";

    public static final String MESSAGE = "must be an ISO 3166-2 code such as CN-CQ";

    private RegionCodes() {
    }
}
