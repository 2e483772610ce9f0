package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/** What kind of source a citation is; decides how it is presented and typed in schema.org. */
public enum CitationKind {
    JOURNAL_ARTICLE("Journal article"),
    REVIEW("Review"),
    SYSTEMATIC_REVIEW("Systematic review"),
    META_ANALYSIS("Meta-analysis"),
    CLINICAL_TRIAL("Clinical trial"),
    GUIDELINE("Guideline"),
    BOOK("Book"),
    WEB_PAGE("Web page"),
    OTHER("Other");

    private final String label;
    private final String jsonName;

    CitationKind(String label) {
        this.label = label;
        // Computed once: it is read for every section or citation stored, hashed and answered.
        this.jsonName = JsonNames.of(this);
    }

    /** How pages name it, e.g. "Meta-analysis". */
    public String label() {
        return label;
    }

    /** The name in JSON, in the database and on pages, e.g. {@code meta-analysis}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName();
    }

    private static final JsonNames<CitationKind> NAMES = new JsonNames<>(values(), CitationKind::jsonName);

    public static Optional<CitationKind> fromJsonName(String name) {
        return NAMES.find(name);
    }

    public static String allowedNames() {
        return NAMES.allowed();
    }
}
