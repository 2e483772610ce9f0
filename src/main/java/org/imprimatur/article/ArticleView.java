package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.rules.WorkflowState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article as editors see it: one version's content with its place in history and workflow. */
public record ArticleView(UUID id, String slug, String title, String summary, String language, List<String> tags,
                          Integer reviewIntervalMonths, String changeNote, List<Section> sections,
                          List<Citation> citations, int version, WorkflowState state, Integer publishedVersion,
                          Instant publishAt, String contentHash, Person author, Instant createdAt, Integer basedOn,
                          ReviewBlock review, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> warnings,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<VersionComment> comments,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String retractionReason,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String diffAgainstPublished) {

    /** Staff as the editorial API names them. */
    public record Person(UUID id, String name, String credentials) {
    }

    /** A reviewer's comment on a version, optionally aimed at one section. */
    public record VersionComment(UUID id, String sectionKey, String text, Person author, Instant createdAt) {
    }
}
