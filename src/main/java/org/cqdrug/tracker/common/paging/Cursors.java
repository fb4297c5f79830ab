package org.cqdrug.tracker.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.cqdrug.tracker.common.problem.ApiProblem;

/** Encodes the position after the last row of a page. Clients treat it as opaque. */
final class Cursors {

    private static final String PREFIX = "k1:";

    private Cursors() {
    }

    static String encode(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                return UUID.fromString(raw.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ApiProblem.invalid("cursor", "is not a cursor issued by this API; use nextCursor from a previous page");
    }
}
