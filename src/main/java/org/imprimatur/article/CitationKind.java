package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

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

    CitationKind(String label) {
        this.label = label;
    }

    /** How pages name it, e.g. "Meta-analysis". */
    public String label() {
        return label;
    }

    /** The name in JSON, in the database and on pages, e.g. {@code see-doctor}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return jsonName();
    }

    public static Optional<CitationKind> fromJsonName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName().equals(name)).findFirst();
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(CitationKind::jsonName).collect(Collectors.joining(", "));
    }
}
