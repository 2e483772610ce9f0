package org.imprimatur.article;

import java.util.Arrays;

/** Strong entity tags that name one version of an article: {@code "v3-<first 16 hex of its hash>"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(int version, String contentHash) {
        return "\"v" + version + "-" + contentHash.substring(0, 16) + "\"";
    }

    /** Whether an If-Match / If-None-Match header value lists {@code etag} (strong comparison, or {@code *}). */
    public static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(etag));
    }
}
