package org.imprimatur.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.article.ArticleView;
import org.imprimatur.rules.ItemApproval;
import org.imprimatur.rules.ReleaseState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A release as staff see it: its state and time, and each item with its approval state
 * (docs/releases.md). {@code ready} says whether publishing now would make every item live.
 */
public record ReleaseView(UUID id, String title, ReleaseState state,
                          @Schema(nullable = true, description = "when the release goes live by itself") Instant publishAt,
                          @Schema(nullable = true, description = "why nothing went live when the scheduled time came")
                          String scheduleMissed,
                          ArticleView.Person createdBy, Instant createdAt,
                          @Schema(nullable = true) Instant publishedAt, @Schema(nullable = true) Instant revertedAt,
                          @Schema(description = "an open release with items, every one approved for it") boolean ready,
                          List<Item> items) {

    /**
     * One item: the version that goes live with the release and where its approval stands.
     *
     * @param blocker         why the item keeps the release from going live, or null
     * @param previousVersion the version live before the release went live (null: none, or not yet published)
     */
    @Schema(name = "ReleaseItem")
    public record Item(UUID articleId, String slug, String title, int version, String contentHash, ItemApproval approval,
                       @Schema(nullable = true) String blocker,
                       @Schema(nullable = true, description = "the reviewer who approved the version for the release") String approvedBy,
                       @Schema(nullable = true) Instant approvedAt,
                       @Schema(nullable = true) Integer previousVersion) {
    }

    /** A release in the list. */
    @Schema(name = "ReleaseSummary")
    public record Summary(UUID id, String title, ReleaseState state, @Schema(nullable = true) Instant publishAt,
                          int itemCount, Instant createdAt, @Schema(nullable = true) Instant publishedAt,
                          @Schema(nullable = true) Instant revertedAt) {
    }
}
