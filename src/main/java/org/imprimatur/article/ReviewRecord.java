package org.imprimatur.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An approval or reconfirmation certifying one version by its hash, with its scope, the evidence it
 * confirmed and the findings it accepted; append-only.
 */
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
    /** {@code change} or {@code full} (org.imprimatur.rules.ReviewScope); only a full review set the dates itself. */
    public String scope;
    /** Citation key → {@code current}, as the full review confirmed each source; empty for a change approval. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> evidence = new TreeMap<>();
    /** The clinical-check findings the reviewer accepted: rule, sectionKey, start, end, sentence and reason. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "accepted_findings")
    public List<Map<String, Object>> acceptedFindings = new ArrayList<>();
    /**
     * The reviewer's scope when they reviewed: {@code specialties} and {@code languages}
     * (docs/workflow.md, "Reviewer scope"); null for records made before scopes, and imported ones.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reviewer_scope")
    public Map<String, List<String>> reviewerScope;
    /** Brought in with a library: the reviewer is named as the old system named them and has no account here. */
    public boolean imported;
    /** The release the approval is for (docs/releases.md): the version goes live with it, not at once. */
    @Column(name = "release_id")
    public UUID releaseId;

    public static Optional<ReviewRecord> newestOf(UUID articleId) {
        return find("articleId = ?1 order by createdAt desc, lastReviewedOn desc", articleId).firstResultOptional();
    }

    public ReviewBlock toBlock() {
        return new ReviewBlock(lastReviewedOn, nextReviewDue,
                new ReviewBlock.Reviewer(reviewerId, reviewerName, reviewerCredentials), versionNo, contentHash);
    }
}
