package org.imprimatur.article;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of source a citation is; decides how it is presented and typed in schema.org. */
public enum CitationKind {
    JOURNAL_ARTICLE, REVIEW, SYSTEMATIC_REVIEW, META_ANALYSIS, CLINICAL_TRIAL, GUIDELINE, BOOK, WEB_PAGE, OTHER;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<CitationKind> fromJsonName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName().equals(name)).findFirst();
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(CitationKind::jsonName).collect(Collectors.joining(", "));
    }
}
