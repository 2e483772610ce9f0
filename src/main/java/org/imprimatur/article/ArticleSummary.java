package org.imprimatur.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.rules.WorkflowState;

import java.time.Instant;
import java.util.UUID;

/** One article in the editorial list. */
public record ArticleSummary(UUID id, String slug, String title, WorkflowState state, int version,
                             @Schema(nullable = true) Integer publishedVersion, Instant changedAt) {
}
