package org.imprimatur.delivery;

import org.imprimatur.article.CitationKind;
import org.imprimatur.article.HealthAspect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The public representation of a live article: no staff ids, e-mails or workflow details. */
public record PublishedArticle(String slug, String title, String summary, String language, List<String> tags,
                               int version, Instant publishedAt, List<PublishedSection> sections,
                               List<PublishedCitation> citations, Review review) {

    public record PublishedSection(String key, String heading, HealthAspect aspect, String body, String html) {
    }

    public record PublishedCitation(String key, CitationKind kind, String title, List<String> authors, String container,
                                    Integer year, String doi, String pmid, String url, LocalDate accessedOn) {
    }

    public record Review(LocalDate lastReviewedOn, LocalDate nextReviewDue, Reviewer reviewedBy) {
    }

    public record Reviewer(String name, String credentials) {
    }
}
