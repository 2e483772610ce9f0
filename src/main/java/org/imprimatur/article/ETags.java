package org.imprimatur.article;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strong entity tags that name one version of an article: {@code "v3-<first 16 hex of its hash>"}. */
public final class ETags {

    /** What {@link #of} writes; nine digits at most, so that any version it names fits an int. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"v(\\d{1,9})-[0-9a-f]{16}\"");

    private ETags() {
    }

    public static String of(int version, String contentHash) {
        return "\"v" + version + "-" + contentHash.substring(0, 16) + "\"";
    }

    /**
     * The version number a tag written by {@link #of} names, surrounding blanks ignored; empty for
     * anything else (a weak tag, a list, another format, nothing).
     */
    public static Optional<Integer> version(String etag) {
        if (etag == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSION_TAG.matcher(etag.strip());
        return matcher.matches() ? Optional.of(Integer.valueOf(matcher.group(1))) : Optional.empty();
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
