package org.imprimatur.checks;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The checks that read an article's text (docs/clinical-checks.md), each known by its wire name. */
public enum CheckRule {
    /** A sentence reports research or a figure and cites no source. */
    UNCITED_CLAIM,
    /** A sentence names a source ("a 2021 review") that none of the sources it cites is. */
    CLAIM_CITATION_MISMATCH,
    /** A section speaks of current research and cites a source older than the settings allow. */
    STALE_SOURCE,
    /** A section reads above the target grade for its audience. */
    READING_LEVEL;

    private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name in JSON and in settings, e.g. {@code uncited-claim}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<CheckRule> fromWireName(String name) {
        return Arrays.stream(values()).filter(rule -> rule.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
