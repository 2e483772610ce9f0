package org.imprimatur.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.ContentOrigins;
import org.imprimatur.article.ReviewRecord;
import org.imprimatur.audit.AuditTrail;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.rules.ReviewScope;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;
import org.imprimatur.workflow.PublicationHistory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Stores a batch of checked articles in one transaction: each new slug becomes an article with its
 * versions, its imported approval and live version, and an audit chain that starts with
 * {@code imported}; a slug already stored is compared, never overwritten.
 */
@ApplicationScoped
public class LibraryWriter {

    /** What became of one article of the batch. */
    enum Outcome { IMPORTED, UNCHANGED, EXISTS_WITH_DIFFERENT_CONTENT }

    private record StoredArticle(String slug, Integer publishedVersion, String hashes) {
    }

    /** What a second import compares: the versions' content, oldest first, and which one is live. */
    private record Fingerprint(List<String> contentHashes, Integer publishedVersion) {
    }

    private final EntityManager entityManager;
    private final AuditTrail auditTrail;
    private final PublicationHistory publicationHistory;

    public LibraryWriter(EntityManager entityManager, AuditTrail auditTrail, PublicationHistory publicationHistory) {
        this.entityManager = entityManager;
        this.auditTrail = auditTrail;
        this.publicationHistory = publicationHistory;
    }

    /** The outcome of each article, in the batch's order; all of the batch or nothing is stored. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Outcome> write(List<ImportedArticle> batch, Actor actor, Instant now) {
        Map<String, Fingerprint> stored = storedFingerprints(batch.stream().map(ImportedArticle::slug).distinct().toList());
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<ImportedArticle> fresh = new ArrayList<>();
        for (ImportedArticle article : batch) {
            Fingerprint line = new Fingerprint(article.contentHashes(), article.publishedVersion());
            Fingerprint existing = stored.get(article.slug());
            if (existing != null) {
                outcomes.add(existing.equals(line) ? Outcome.UNCHANGED : Outcome.EXISTS_WITH_DIFFERENT_CONTENT);
                continue;
            }
            fresh.add(article);
            stored.put(article.slug(), line);
            outcomes.add(Outcome.IMPORTED);
        }
        insert(fresh, actor, now);
        return outcomes;
    }

    /**
     * Rows of one table are persisted together, so each table's rows go to PostgreSQL as one
     * batched statement, and the live versions go live together.
     */
    private void insert(List<ImportedArticle> batch, Actor actor, Instant now) {
        List<Article> articles = new ArrayList<>(batch.size());
        for (ImportedArticle imported : batch) {
            Article article = article(imported, actor, now);
            article.persist();
            articles.add(article);
        }
        for (int i = 0; i < batch.size(); i++) {
            persistVersions(articles.get(i), batch.get(i).versions(), actor, now);
        }
        List<PublicationHistory.Publication> publications = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ImportedArticle imported = batch.get(i);
            Article article = articles.get(i);
            if (imported.publishedVersion() != null) {
                ImportedArticle.Version live = imported.versions().get(imported.publishedVersion() - 1);
                persistApproval(article, imported.publishedVersion(), live.content().contentHash(), imported.approval());
                publications.add(new PublicationHistory.Publication(article.id, article.slug, imported.publishedVersion(),
                        micros(imported.approval().approvedAt())));
            }
            auditTrail.recordFirst(article.id, actor, WorkflowAction.IMPORTED, article.state, article.latestVersion,
                    "Imported; SHA-256 of the source line: " + imported.sourceSha256(), now);
        }
        publicationHistory.goLive(publications);
    }

    private static Article article(ImportedArticle imported, Actor actor, Instant now) {
        List<ImportedArticle.Version> versions = imported.versions();
        ArticleContent newest = imported.newest().content();
        WorkflowState state = WorkflowGate.require(Attempt.of(WorkflowAction.IMPORTED, actor)
                .article(null, versions.size(), newest.contentHash(), imported.publishedVersion()).at(now).build());
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.slug = imported.slug();
        article.createdAt = savedAt(versions.get(0), now);
        article.createdBy = actor.id();
        article.latestVersion = versions.size();
        article.state = state;
        article.reviewIntervalMonths = newest.reviewIntervalMonths();
        article.changedAt = savedAt(imported.newest(), now);
        // Set before the row is written, so the insert carries it and no update follows.
        article.publishedVersion = imported.publishedVersion();
        return article;
    }

    private static void persistVersions(Article article, List<ImportedArticle.Version> versions, Actor actor, Instant now) {
        ArticleContent previous = null;
        ContentOrigins origins = null;
        for (int i = 0; i < versions.size(); i++) {
            int versionNo = i + 1;
            ArticleContent content = versions.get(i).content();
            // Each version remembers which one wrote each part, as saves do, so four-eyes reads imported history too.
            origins = previous == null ? ContentOrigins.allWrittenIn(content, versionNo)
                    : ContentOrigins.carry(previous, origins, content, versionNo);
            ArticleVersion version = ArticleVersion.of(article.id, versionNo, content, origins, actor.id(),
                    previous == null ? null : versionNo - 1, savedAt(versions.get(i), now));
            version.importedAuthor = versions.get(i).author();
            version.persist();
            previous = content;
        }
    }

    private static void persistApproval(Article article, int versionNo, String contentHash,
                                        ImportedArticle.Approval approval) {
        ReviewRecord record = new ReviewRecord();
        record.id = UUID.randomUUID();
        record.articleId = article.id;
        record.versionNo = versionNo;
        record.contentHash = contentHash;
        record.kind = ReviewRecord.Kind.APPROVAL;
        // The old system's review dates stand for a review of the whole page, as a full review's do here.
        record.scope = ReviewScope.FULL.wireName();
        record.reviewerId = null;
        record.reviewerName = approval.reviewer();
        record.reviewerCredentials = approval.credentials();
        record.lastReviewedOn = approval.lastReviewedOn();
        record.nextReviewDue = approval.nextReviewDue();
        record.createdAt = micros(approval.approvedAt());
        record.imported = true;
        record.persist();
    }

    private Map<String, Fingerprint> storedFingerprints(List<String> slugs) {
        Map<String, Fingerprint> stored = new HashMap<>();
        NativeRows.select(entityManager, """
                        SELECT a.slug AS slug, a.published_version AS publishedVersion,
                               string_agg(v.content_hash, ',' ORDER BY v.version_no) AS hashes
                        FROM articles a JOIN article_versions v ON v.article_id = a.id
                        WHERE a.slug IN (:slugs) GROUP BY a.slug, a.published_version""", StoredArticle.class)
                .setParameter("slugs", slugs)
                .getResultList()
                .forEach(row -> stored.put(row.slug(),
                        new Fingerprint(Arrays.asList(row.hashes().split(",")), row.publishedVersion())));
        return stored;
    }

    private static Instant savedAt(ImportedArticle.Version version, Instant now) {
        return micros(Objects.requireNonNullElse(version.savedAt(), now));
    }

    // PostgreSQL keeps microseconds: what is stored is what a second import and the chain compare.
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
