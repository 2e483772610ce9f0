package org.imprimatur.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.article.ArticleViews;

import org.imprimatur.article.ReviewBlock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.rules.ReviewerScope;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.imprimatur.workflow.ReviewerScopes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What reviewers work from: the queue of submissions and the reviews falling due. */
@ApplicationScoped
public class ReviewQueries {

    private final EntityManager entityManager;
    private final ReviewerScopes reviewerScopes;
    private final Clock clock;

    public ReviewQueries(EntityManager entityManager, ReviewerScopes reviewerScopes, Clock clock) {
        this.entityManager = entityManager;
        this.reviewerScopes = reviewerScopes;
        this.clock = clock;
    }

    public record QueueEntry(UUID id, String slug, String title, int version, String contentHash, Instant submittedAt,
                             @Schema(nullable = true) Integer publishedVersion, String diff,
                             @Schema(nullable = true, description = "the specialty whose reviewer the article needs; null: any reviewer") String specialty,
                             @Schema(description = "the language of the version under review") String language) {
    }

    public record DueEntry(UUID id, String slug, String title, int publishedVersion, LocalDate lastReviewedOn,
                           LocalDate nextReviewDue, ReviewBlock.Reviewer reviewedBy,
                           @Schema(nullable = true, description = "the specialty whose reviewer the article needs; null: any reviewer") String specialty,
                           @Schema(description = "the language of the live version") String language) {
    }

    /**
     * Whose queue to show (docs/workflow.md, "Reviewer scope"): a reviewer's own sees only what they
     * may approve; {@code all}, for admins, every article in review.
     */
    public enum QueueScope {
        MINE, ALL;

        /** The query parameter's value: absent or {@code mine}, or {@code all}. */
        public static QueueScope of(String value) {
            if (value == null || value.equals("mine")) {
                return MINE;
            }
            if (value.equals("all")) {
                return ALL;
            }
            throw ProblemException.badRequest("scope must be mine or all.");
        }
    }

    /** A submission waiting for review, as the queue query reads it. */
    private record QueueRow(UUID id, String slug, String title, int version, String contentHash, Instant submittedAt,
                            Integer publishedVersion, String specialty, String language) {
    }

    /** Every article in review, oldest submission first. */
    @Transactional
    public List<QueueEntry> queue() {
        return NativeRows.select(entityManager, """
                SELECT a.id, a.slug, v.title, v.version_no AS version, v.content_hash AS contentHash,
                       a.submitted_at AS submittedAt, a.published_version AS publishedVersion, a.specialty, v.language
                FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version_no = a.latest_version
                WHERE a.state = 'IN_REVIEW'
                ORDER BY a.submitted_at, a.id""", QueueRow.class).getResultList().stream().map(row -> {
            Integer published = row.publishedVersion();
            String diff = ArticleViews.diffLink(row.id(), published == null ? row.version() : published, row.version());
            return new QueueEntry(row.id(), row.slug(), row.title(), row.version(), row.contentHash(), row.submittedAt(),
                    published, diff, row.specialty(), row.language());
        }).toList();
    }

    /**
     * The queue as {@code actor} sees it: a reviewer's own holds what their scope lets them approve;
     * anyone else's, and an admin's {@code all}, every article in review. Only admins see {@code all}.
     */
    @Transactional
    public List<QueueEntry> queue(Actor actor, QueueScope scope) {
        if (scope == QueueScope.ALL) {
            if (!actor.roles().contains(Role.ADMIN)) {
                throw ProblemException.forbidden("Only an admin may see every article in review (scope=all).");
            }
            return queue();
        }
        if (!actor.roles().contains(Role.MEDICAL_REVIEWER)) {
            return queue();
        }
        ReviewerScope reviewer = reviewerScopes.of(actor.id());
        return queue().stream().filter(entry -> reviewer.mayReview(entry.specialty(), entry.language())).toList();
    }

    /** The reviews falling due that {@code actor} may reconfirm, if a reviewer; every one for anyone else. */
    @Transactional
    public List<DueEntry> due(Integer withinDays, Actor actor) {
        List<DueEntry> due = due(withinDays);
        if (!actor.roles().contains(Role.MEDICAL_REVIEWER)) {
            return due;
        }
        ReviewerScope reviewer = reviewerScopes.of(actor.id());
        return due.stream().filter(entry -> reviewer.mayReview(entry.specialty(), entry.language())).toList();
    }

    @Transactional
    public List<DueEntry> due(Integer withinDays) {
        int days = withinDays == null ? 0 : withinDays;
        if (days < 0 || days > 3650) {
            throw ProblemException.badRequest("withinDays must be between 0 and 3650.");
        }
        return dueBy(LocalDate.now(clock).plusDays(days));
    }

    /** Published articles whose review falls due on or before {@code horizon}, soonest first. */
    @Transactional
    public List<DueEntry> dueBy(LocalDate horizon) {
        return NativeRows.select(entityManager, """
                SELECT a.id, a.slug, v.title, a.published_version AS publishedVersion,
                       r.last_reviewed_on AS lastReviewedOn, r.next_review_due AS nextReviewDue,
                       r.reviewer_id AS reviewerId, r.reviewer_name AS reviewerName,
                       r.reviewer_credentials AS reviewerCredentials, a.specialty, v.language
                FROM articles a
                JOIN article_versions v ON v.article_id = a.id AND v.version_no = a.published_version
                JOIN LATERAL (SELECT * FROM review_records rr WHERE rr.article_id = a.id
                              ORDER BY rr.created_at DESC LIMIT 1) r ON true
                WHERE a.published_version IS NOT NULL AND r.next_review_due <= ?1
                ORDER BY r.next_review_due, a.id""", DueRow.class)
                .setParameter(1, horizon)
                .getResultList().stream()
                .map(row -> new DueEntry(row.id(), row.slug(), row.title(), row.publishedVersion(), row.lastReviewedOn(),
                        row.nextReviewDue(), new ReviewBlock.Reviewer(row.reviewerId(), row.reviewerName(),
                        row.reviewerCredentials()), row.specialty(), row.language()))
                .toList();
    }

    /** A published article with its latest review record, as the due query reads it. */
    private record DueRow(UUID id, String slug, String title, int publishedVersion, LocalDate lastReviewedOn,
                          LocalDate nextReviewDue, UUID reviewerId, String reviewerName, String reviewerCredentials,
                          String specialty, String language) {
    }
}
