package org.imprimatur.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.imprimatur.rules.WorkflowState;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The stable identity of an article, its workflow state and its pointers to versions. */
@Entity
@Table(name = "articles")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "latest_version")
    public int latestVersion;
    @Column(name = "published_version")
    public Integer publishedVersion;
    @Enumerated(EnumType.STRING)
    public WorkflowState state;
    @Column(name = "review_interval_months")
    public int reviewIntervalMonths;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "publish_at")
    public Instant publishAt;
    @Column(name = "retraction_reason")
    public String retractionReason;
    /**
     * The specialty whose reviewer the article needs, or null for any reviewer: a property of the
     * article, not of a version (docs/content-model.md, "Specialty").
     */
    public String specialty;
    /** The open release the article is approved for and waits for (docs/releases.md), or null. */
    @Column(name = "awaits_release")
    public UUID awaitsRelease;
    /** The article this one translates, or null for an article written in its own right (docs/translations.md). */
    @Column(name = "translation_of")
    public UUID translationOf;
    /** The language of a translation, a BCP 47 tag; null when {@link #translationOf} is. */
    @Column(name = "translation_language")
    public String translationLanguage;

    /** Reads the article and locks its row until the transaction ends, serializing its changes. */
    public static Optional<Article> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    public boolean isTranslation() {
        return translationOf != null;
    }

    public static Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
