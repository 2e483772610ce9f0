package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.infrastructure.ApiDescriptionFilter;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.rules.WorkflowState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article as editors see it: one version's content with its place in history and workflow. */
public record ArticleView(UUID id, String slug, String title, String summary, String language, List<String> tags,
                          Audience audience, String disclosures, String authorCredentials, Integer reviewIntervalMonths, String changeNote, List<Section> sections,
                          List<Citation> citations,
                          @Schema(nullable = true, description = "the specialty whose reviewer the article needs; null: any reviewer") String specialty,
                          int version, @Schema(nullable = true) WorkflowState state,
                          @Schema(nullable = true) Integer publishedVersion, @Schema(nullable = true) Instant publishAt,
                          String contentHash, Person author, Instant createdAt, @Schema(nullable = true) Integer basedOn,
                          @Schema(nullable = true) ReviewBlock review,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) List<FieldError> warnings,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) List<VersionComment> comments,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) String retractionReason,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) String diffAgainstPublished,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true"),
                                  description = "the open release the article is approved for and waits for (docs/releases.md)") java.util.UUID awaitsRelease,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true"),
                                  description = "for a translation: the source version this version renders (docs/translations.md)") TranslationOf translationOf) {

    /** Staff as the editorial API names them. */
    public record Person(UUID id, String name, String credentials) {
    }

    /** A reviewer's comment on a version, optionally aimed at one section. */
    public record VersionComment(UUID id, @Schema(nullable = true) String sectionKey, String text, Person author, Instant createdAt) {
    }
}
