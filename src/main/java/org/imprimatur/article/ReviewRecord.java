package org.imprimatur.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** An approval or reconfirmation certifying one version by its hash; append-only. */
@Entity
@Immutable
@Table(name = "review_records")
public class ReviewRecord extends PanacheEntityBase {

    /** What the reviewer did; the column keeps the names (and its CHECK). */
    public enum Kind { APPROVAL, RECONFIRMATION }

    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    @Column(name = "version_no")
    public int versionNo;
    @Column(name = "content_hash")
    public String contentHash;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    @Column(name = "reviewer_id")
    public UUID reviewerId;
    @Column(name = "reviewer_name")
    public String reviewerName;
    @Column(name = "reviewer_credentials")
    public String reviewerCredentials;
    @Column(name = "last_reviewed_on")
    public LocalDate lastReviewedOn;
    @Column(name = "next_review_due")
    public LocalDate nextReviewDue;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Brought in with a library: the reviewer is named as the old system named them and has no account here. */
    public boolean imported;

    public static Optional<ReviewRecord> newestOf(UUID articleId) {
        return find("articleId = ?1 order by createdAt desc, lastReviewedOn desc", articleId).firstResultOptional();
    }

    public ReviewBlock toBlock() {
        return new ReviewBlock(lastReviewedOn, nextReviewDue,
                new ReviewBlock.Reviewer(reviewerId, reviewerName, reviewerCredentials), versionNo, contentHash);
    }
}
