package org.imprimatur.delivery;

/**
 * The key of a cached list or search page: the query parameters as given, each kept apart. A
 * missing parameter is null, which no text value equals, so {@code ?tag=null} and no tag at all
 * can never share a cached page (docs/delivery.md, "Caching").
 */
record PageQuery(String limit, String cursor, String q, String tag) {

    /** Roughly the bytes the key holds, for the cache's weigher. */
    int weight() {
        return 64 + 2 * (length(limit) + length(cursor) + length(q) + length(tag));
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
