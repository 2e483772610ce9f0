package org.imprimatur.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an entry of the public change feed says happened (docs/delivery.md, "Change feed"): a
 * version went live, the live version was retracted, or a live translation was left behind by its
 * source's publication (docs/translations.md). Its label is its name in JSON and in the
 * {@code change_feed} table.
 */
public enum ChangeType {
    PUBLISHED, RETRACTED, TRANSLATION_OUTDATED;

    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    @JsonValue
    public String label() {
        return label;
    }

    public static ChangeType fromLabel(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No change type is called " + label));
    }
}
