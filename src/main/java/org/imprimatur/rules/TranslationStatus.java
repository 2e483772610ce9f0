package org.imprimatur.rules;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a translation stands against its source (docs/translations.md, "Status"); written in JSON
 * as its label.
 */
public enum TranslationStatus {
    /** Its live version renders the source's live version, or a newer one. */
    CURRENT,
    /** The source published a newer version than the one its live version renders. */
    OUTDATED,
    /** Nothing of it is live yet. */
    UNTRANSLATED_DRAFT,
    /** The source was retracted; the translation stays as it is until someone decides. */
    SOURCE_RETRACTED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
