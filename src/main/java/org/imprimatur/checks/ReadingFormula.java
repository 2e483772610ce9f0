package org.imprimatur.checks;

import com.fasterxml.jackson.annotation.JsonValue;

/** The formulas a reading grade comes from (docs/clinical-checks.md, "Reading level"), by the names readers know. */
public enum ReadingFormula {
    SMOG("SMOG"), FLESCH_KINCAID("Flesch–Kincaid");

    private final String label;

    ReadingFormula(String label) {
        this.label = label;
    }

    /** Its name in JSON and in messages. */
    @JsonValue
    public String label() {
        return label;
    }
}
