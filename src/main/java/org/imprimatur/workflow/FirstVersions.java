package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ContentOrigins;
import org.imprimatur.article.TranslationOf;
import org.imprimatur.article.VersionSnapshots;
import org.imprimatur.audit.AuditTrail;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new article with its first version, as a draft: written in its own right or as a translation
 * (docs/translations.md). Both ways store the same rows and the same audit event.
 */
@ApplicationScoped
public class FirstVersions {

    private final AuditTrail auditTrail;
    private final VersionSnapshots versions;

    public FirstVersions(AuditTrail auditTrail, VersionSnapshots versions) {
        this.auditTrail = auditTrail;
        this.versions = versions;
    }

    /**
     * Stores {@code content} as version 1 of a new draft; 409 when its slug is taken. A translation
     * names its source version and language; an article in its own right passes null for both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ArticleViews.Saved write(ArticleContent content, String specialty, TranslationOf translationOf, String translationLanguage,
                             List<FieldError> warnings, Actor actor, Instant now) {
        if (Article.findBySlug(content.slug()).isPresent()) {
            throw ProblemException.conflict("The slug " + content.slug() + " is already taken by another article.");
        }
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.slug = content.slug();
        article.createdAt = now;
        article.createdBy = actor.id();
        article.latestVersion = 1;
        article.state = WorkflowState.DRAFT;
        article.reviewIntervalMonths = content.reviewIntervalMonths();
        article.specialty = specialty;
        article.translationOf = translationOf == null ? null : translationOf.articleId();
        article.translationLanguage = translationLanguage;
        article.changedAt = now;
        article.persist();
        // Whoever writes the first version wrote every part of it, so four-eyes counts them for all of it.
        ArticleVersion version = ArticleVersion.of(article.id, 1, content, ContentOrigins.allWrittenIn(content, 1),
                actor.id(), null, now).translating(translationOf);
        version.persist();
        versions.rememberWhenCommitted(version);
        auditTrail.record(article.id, actor, WorkflowAction.CREATE, null, WorkflowState.DRAFT, 1, content.changeNote(), now);
        return ArticleViews.written(article, version, warnings, actor);
    }
}
