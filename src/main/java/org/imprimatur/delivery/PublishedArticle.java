package org.imprimatur.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.article.Audience;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.HealthAspect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public representation of a live article: no staff ids, e-mails or workflow details.
 * {@code disclosures} and {@code authorCredentials} are empty when the version states none.
 */
public record PublishedArticle(String slug, String title, String summary, String language, List<String> tags,
                               Audience audience, String disclosures, String authorCredentials, int version, Instant publishedAt, List<PublishedSection> sections,
                               List<PublishedCitation> citations, @Schema(nullable = true) Review review) {

    public record PublishedSection(String key, String heading, @Schema(nullable = true) HealthAspect aspect, String body, String html) {
    }

    public record PublishedCitation(String key, CitationKind kind, String title, List<String> authors,
                                    @Schema(nullable = true) String container, @Schema(nullable = true) Integer year, @Schema(nullable = true) String doi,
                                    @Schema(nullable = true) String pmid, @Schema(nullable = true) String url, @Schema(nullable = true) LocalDate accessedOn) {
    }

    @Schema(name = "PublishedReview")
    public record Review(LocalDate lastReviewedOn, LocalDate nextReviewDue, Reviewer reviewedBy) {
    }

    @Schema(name = "PublishedReviewer")
    public record Reviewer(String name, String credentials) {
    }
}
