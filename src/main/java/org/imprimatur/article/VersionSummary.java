package org.imprimatur.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** One line of an article's history. */
public record VersionSummary(int version, String title, String contentHash, ArticleView.Person author,
                             Instant createdAt, String changeNote, @Schema(nullable = true) Integer basedOn, boolean published) {
}
