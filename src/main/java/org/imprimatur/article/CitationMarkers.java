package org.imprimatur.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pandoc-style in-text citations: {@code [@lee-2021]} and {@code [@lee-2021; @kim-2022]}. */
public final class CitationMarkers {

    public static final String KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9_:.-]*";
    /** A bracket whose content is one or more {@code @key}s separated by semicolons. */
    public static final Pattern MARKER = Pattern.compile(
            "\\[\\s*@(" + KEY_PATTERN + ")((?:\\s*;\\s*@" + KEY_PATTERN + ")*)\\s*]");
    private static final Pattern FURTHER_KEY = Pattern.compile("@(" + KEY_PATTERN + ")");

    private CitationMarkers() {
    }

    /** The keys cited in a text, in order of first appearance. */
    public static Set<String> keysIn(String text) {
        Set<String> keys = new LinkedHashSet<>();
        for (Marker marker : markersIn(text)) {
            keys.addAll(marker.keys());
        }
        return keys;
    }

    public static List<Marker> markersIn(String text) {
        List<Marker> markers = new ArrayList<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            List<String> keys = new ArrayList<>();
            keys.add(stripTrailingPunctuation(matcher.group(1)));
            Matcher further = FURTHER_KEY.matcher(matcher.group(2));
            while (further.find()) {
                keys.add(stripTrailingPunctuation(further.group(1)));
            }
            markers.add(new Marker(matcher.start(), matcher.end(), List.copyOf(keys)));
        }
        return markers;
    }

    // "[@lee-2021.]" cites lee-2021: a key never ends in punctuation.
    private static String stripTrailingPunctuation(String key) {
        int end = key.length();
        while (end > 1 && ".:-_".indexOf(key.charAt(end - 1)) >= 0) {
            end--;
        }
        return key.substring(0, end);
    }

    /** One bracketed marker at [start, end) of the text. */
    public record Marker(int start, int end, List<String> keys) {
    }
}
