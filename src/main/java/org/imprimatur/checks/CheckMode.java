package org.imprimatur.checks;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a check's findings do (docs/clinical-checks.md): warn the editor, also stop a submission, or nothing. */
public enum CheckMode {
    WARN, BLOCK_SUBMIT, OFF;

    /** The name in settings and JSON, e.g. {@code block-submit}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
