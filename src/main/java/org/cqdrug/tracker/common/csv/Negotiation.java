package org.cqdrug.tracker.common.csv;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Whether a client asked for CSV rather than JSON, by the order of preference in its Accept header. */
public final class Negotiation {

    private static final MediaType CSV = MediaType.valueOf(CsvTable.MEDIA_TYPE);

    private Negotiation() {
    }

    public static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
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
