package org.cqdrug.tracker.common.csv;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Whether a client asked for CSV rather than JSON, by the order of preference in its Accept header. */
public final class Negotiation {

    private static final MediaType CSV = MediaType.valueOf(CsvTable.MEDIA_TYPE);

    private Negotiation() {
    }

    public static boolean wantsCsv(HttpHeaders headers) {
        return wantsCsv(headers.getAcceptableMediaTypes());
    }

    /** @param acceptable the Accept header's types, most preferred first */
    public static boolean wantsCsv(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                return false;
            }
            if (accepted.isCompatible(CSV) && !accepted.isWildcardType()) {
                return true;
            }
            if (accepted.isWildcardType()) {
                return false;
            }
        }
        return false;
    }
}
