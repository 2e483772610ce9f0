package org.imprimatur.infrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** An opaque keyset position: the sort instant and id of the last item of the previous page. */
public record Cursor(Instant instant, UUID id) {

    public String encode() {
        String raw = instant.getEpochSecond() + "." + instant.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor from a request; a malformed one is the client's error. */
    public static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\.", 3);
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException malformed) {
            throw ProblemException.badRequest("The cursor is not one this service gave out.");
        }
    }

    /** Validates the page size of a list request: 1 to 100, default 20. */
    public static int limit(String requested) {
        Integer limit = QueryParameters.integer("limit", requested);
        if (limit == null) {
            return 20;
        }
        if (limit < 1 || limit > 100) {
            throw ProblemException.badRequest("limit must be between 1 and 100.");
        }
        return limit;
    }
}
