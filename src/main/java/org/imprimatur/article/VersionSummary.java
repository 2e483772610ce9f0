package org.imprimatur.article;

import java.time.Instant;

/** One line of an article's history. */
public record VersionSummary(int version, String title, String contentHash, ArticleView.Person author,
                             Instant createdAt, String changeNote, Integer basedOn, boolean published) {
}
