package org.imprimatur.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.infrastructure.ApiDescriptionFilter;
import org.imprimatur.rules.TranslationStatus;
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
                               List<PublishedCitation> citations, @Schema(nullable = true) Review review,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true"),
                                       description = "for a translation only: current, outdated or source-retracted (docs/translations.md)")
                               TranslationStatus translationStatus,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true"),
                                       description = "for a translation only: the source version it renders, beside the source's live version")
                               Translated translationOf,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY)
                               @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true"),
                                       description = "the article's translations live at the same instant, by language")
                               List<Alternate> translations) {

    /** A live translation of this article. */
    public record Alternate(String language, String slug, String url) {
    }

    /**
     * The same article with what it says as a translation ({@code translation} null for an article
     * that is none) and its live translations.
     */
    PublishedArticle translating(DeliveryRepository.Translation translation, List<Alternate> alternates) {
        return new PublishedArticle(slug, title, summary, language, tags, audience, disclosures, authorCredentials, version,
                publishedAt, sections, citations, review, translation == null ? null : translation.status(),
                translation == null ? null : translation.of(), alternates);
    }

    /**
     * The source a translation renders: its slug, the version and hash translated, and the version
     * of the source live at the same instant (null when none is).
     */
    @Schema(name = "PublishedTranslationOf")
    public record Translated(String slug, String url, int version, String contentHash, @Schema(nullable = true) Integer sourceLiveVersion) {
    }

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
