package org.imprimatur.importing;

import org.imprimatur.article.ArticleContent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A line that passed every rule: its versions oldest first (number i + 1 at index i), the live one
 * if any with its approval, and the SHA-256 of the line as it was in the file.
 */
record ImportedArticle(long lineNumber, String slug, List<Version> versions, Integer publishedVersion,
                       Approval approval, String sourceSha256) {

    /** {@code author} and {@code savedAt} are null where the line does not say: the importing account, the import's time. */
    record Version(ArticleContent content, String author, Instant savedAt) {
    }

    record Approval(String reviewer, String credentials, Instant approvedAt, LocalDate lastReviewedOn,
                    LocalDate nextReviewDue) {
    }

    /** The content hashes of the versions, oldest first: with the live version, what a second import compares. */
    List<String> contentHashes() {
        return versions.stream().map(version -> version.content().contentHash()).toList();
    }

    Version newest() {
        return versions.get(versions.size() - 1);
    }
}
