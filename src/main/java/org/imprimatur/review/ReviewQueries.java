package org.imprimatur.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.article.ArticleViews;

import org.imprimatur.article.ReviewBlock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What reviewers work from: the queue of submissions and the reviews falling due. */
@ApplicationScoped
public class ReviewQueries {

    private final EntityManager entityManager;
    private final Clock clock;

    public ReviewQueries(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public record QueueEntry(UUID id, String slug, String title, int version, String contentHash, Instant submittedAt,
                             @Schema(nullable = true) Integer publishedVersion, String diff) {
    }

    public record DueEntry(UUID id, String slug, String title, int publishedVersion, LocalDate lastReviewedOn,
                           LocalDate nextReviewDue, ReviewBlock.Reviewer reviewedBy) {
    }

    @Transactional
    public List<QueueEntry> queue() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT a.id, a.slug, v.title, v.version_no, v.content_hash, a.submitted_at, a.published_version
                FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version_no = a.latest_version
                WHERE a.state = 'IN_REVIEW'
                ORDER BY a.submitted_at, a.id""", Object[].class).getResultList();
        return rows.stream().map(row -> {
            UUID id = (UUID) row[0];
            int version = ((Number) row[3]).intValue();
            Integer published = row[6] == null ? null : ((Number) row[6]).intValue();
            String diff = ArticleViews.diffLink(id, published == null ? version : published, version);
            return new QueueEntry(id, (String) row[1], (String) row[2], version, (String) row[4], Timestamps.fromColumn(row[5]),
                    published, diff);
        }).toList();
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
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT a.id, a.slug, v.title, a.published_version, r.last_reviewed_on, r.next_review_due,
                       r.reviewer_id, r.reviewer_name, r.reviewer_credentials
                FROM articles a
                JOIN article_versions v ON v.article_id = a.id AND v.version_no = a.published_version
                JOIN LATERAL (SELECT * FROM review_records rr WHERE rr.article_id = a.id
                              ORDER BY rr.created_at DESC LIMIT 1) r ON true
                WHERE a.published_version IS NOT NULL AND r.next_review_due <= ?1
                ORDER BY r.next_review_due, a.id""", Object[].class)
                .setParameter(1, horizon)
                .getResultList();
        return rows.stream().map(row -> new DueEntry((UUID) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), localDate(row[4]), localDate(row[5]),
                new ReviewBlock.Reviewer((UUID) row[6], (String) row[7], (String) row[8]))).toList();
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }
}
