package org.cqdrug.tracker.common.paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cqdrug.tracker.common.problem.ApiProblem;

/**
 * The position after the last row of a page: the sort it was made for, then that row's sort values and id.
 * Clients treat it as opaque.
 */
public final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "k2";

    private Cursors() {
    }

    public static String encode(String sort, List<String> values) {
        List<String> all = new ArrayList<>();
        all.add(VERSION);
        all.add(sort);
        all.addAll(values);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values after the version and sort, or null for no cursor; a cursor of another sort is refused. */
    public static List<String> decode(String cursor, String sort, int size) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> all;
        try {
            String[] parts = JSON.readValue(Base64.getUrlDecoder().decode(cursor), String[].class);
            all = parts == null ? List.of() : Arrays.asList(parts);
        } catch (RuntimeException | java.io.IOException e) {
            throw forged();
        }
        if (all.size() != size + 2 || !VERSION.equals(all.get(0)) || all.contains(null)) {
            throw forged();
        }
        if (!sort.equals(all.get(1))) {
            throw ApiProblem.invalid("cursor", "was issued for sort '" + all.get(1) + "', not '" + sort
                    + "'; start again without a cursor");
        }
        return all.subList(2, all.size());
    }

    private static ApiProblem forged() {
        return ApiProblem.invalid("cursor", "is not a cursor issued by this API; use nextCursor from a previous page");
    }
}
