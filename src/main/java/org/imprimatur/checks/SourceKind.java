package org.imprimatur.checks;

import org.imprimatur.article.CitationKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kind of source a sentence names ("a 2021 review", "a meta-analysis") and the citation kinds
 * that answer to it (docs/clinical-checks.md, "claim-citation-mismatch").
 */
enum SourceKind {
    /** "review", "literature review", "narrative review": any review, and a meta-analysis, which reviews studies. */
    REVIEW("review", EnumSet.of(CitationKind.REVIEW, CitationKind.SYSTEMATIC_REVIEW, CitationKind.META_ANALYSIS)),
    /** A systematic review is often published with its meta-analysis; a narrative review is not systematic. */
    SYSTEMATIC_REVIEW("systematic review", EnumSet.of(CitationKind.SYSTEMATIC_REVIEW, CitationKind.META_ANALYSIS)),
    META_ANALYSIS("meta-analysis", EnumSet.of(CitationKind.META_ANALYSIS, CitationKind.SYSTEMATIC_REVIEW)),
    /** A study reports its own data: a trial or a research article, not a review of others' studies. */
    STUDY("study", EnumSet.of(CitationKind.CLINICAL_TRIAL, CitationKind.JOURNAL_ARTICLE)),
    TRIAL("trial", EnumSet.of(CitationKind.CLINICAL_TRIAL)),
    GUIDELINE("guideline", EnumSet.of(CitationKind.GUIDELINE)),
    BOOK("book", EnumSet.of(CitationKind.BOOK)),
    /** "research", "an article", "data", "researchers": says nothing of the kind, so only a year can disagree. */
    ANY("source", EnumSet.allOf(CitationKind.class));

    private final String label;
    private final Set<CitationKind> answeredBy;

    SourceKind(String label, Set<CitationKind> answeredBy) {
        this.label = label;
        this.answeredBy = answeredBy;
    }

    String label() {
        return label;
    }

    boolean isAnsweredBy(CitationKind kind) {
        return answeredBy.contains(kind);
    }
}
