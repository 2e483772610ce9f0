package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
    private final String jsonName;

    CitationKind(String label) {
        this.label = label;
        // Computed once: it is read for every section or citation stored, hashed and answered.
        this.jsonName = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** How pages name it, e.g. "Meta-analysis". */
    public String label() {
        return label;
    }

    /** The name in JSON, in the database and on pages, e.g. {@code see-doctor}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName();
    }

    private static final Map<String, CitationKind> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(CitationKind::jsonName, Function.identity()));

    public static Optional<CitationKind> fromJsonName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(CitationKind::jsonName).collect(Collectors.joining(", "));
    }
}
