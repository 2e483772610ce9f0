package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ContentValidator;
import org.imprimatur.article.TranslationOf;
import org.imprimatur.article.VersionSnapshot;
import org.imprimatur.article.VersionSnapshots;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.ReviewerScope;
import org.imprimatur.rules.TranslationRules;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Making a translation of an article, and which source version each new version of a translation
 * renders (docs/translations.md). A translation is an article of its own: it is edited, reviewed
 * and published like any other.
 */
@ApplicationScoped
public class Translating {

    private final FirstVersions firstVersions;
    private final VersionSnapshots versions;
    private final EntityManager entityManager;
    private final Clock clock;

    public Translating(FirstVersions firstVersions, VersionSnapshots versions, EntityManager entityManager, Clock clock) {
        this.firstVersions = firstVersions;
        this.versions = versions;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The body of a new translation: its language and its own slug. */
    public record TranslationRequest(@Schema(description = "a BCP 47 tag other than the source's language, e.g. es") String language,
                                     @Schema(description = "the translation's own slug, e.g. eccema-e-intestino") String slug) {
    }

    /**
     * A new article in {@code request.language()}, translating the source's newest version: its
     * first draft is a copy of that version (same sections and citations, by key) for the
     * translator to overwrite.
     */
    @Transactional
    public ArticleViews.Saved create(UUID sourceId, TranslationRequest request, Actor actor) {
        Instant now = Timestamps.now(clock);
        WorkflowGate.require(Attempt.of(WorkflowAction.CREATE, actor).at(now).build());
        // Locked, so that two requests for the same language meet here rather than at the unique index.
        Article source = ArticleLookup.lockedArticle(sourceId);
        VersionSnapshot newest = versions.latestOf(source);
        String language = request == null ? null : request.language();
        String slug = request == null ? null : request.slug();
        List<FieldError> errors = new ArrayList<>(ContentValidator.slugAndLanguage(slug, language));
        TranslationRules.newTranslation(language, newest.content().language(), source.isTranslation())
                .filter(error -> errors.stream().noneMatch(known -> known.field().equals(error.field())))
                .ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Article existing = Article.<Article>find("translationOf = ?1 and lower(translationLanguage) = lower(?2)", source.id, language)
                .firstResult();
        if (existing != null) {
            throw ProblemException.conflict("This article already has a translation into " + ReviewerScope.languageName(language)
                    + ": " + existing.slug + " (" + existing.id + ").");
        }
        ArticleContent content = newest.content(slug).asTranslation(slug, language, "Translation into "
                + ReviewerScope.languageName(language) + " of version " + newest.versionNo() + " of " + source.slug);
        return firstVersions.write(content, source.specialty, new TranslationOf(source.id, newest.versionNo(), newest.contentHash()),
                language, ContentValidator.warnings(content), actor, now);
    }

    /**
     * The language a save of {@code article} is in: a translation's own when the request names none;
     * null (the content's default) for an article that is no translation.
     */
    static String languageOf(Article article, String requested) {
        return requested == null && article.isTranslation() ? article.translationLanguage : requested;
    }

    /** A translation stays in its language: why {@code saved} is refused for it, or nothing. */
    static void requireItsLanguage(Article article, String saved) {
        if (article.isTranslation() && !TranslationRules.sameLanguage(saved, article.translationLanguage)) {
            throw ProblemException.invalid("language", "this is the translation into " + article.translationLanguage
                    + " of another article; it stays in " + article.translationLanguage);
        }
    }

    /**
     * The source version a save of {@code article} after {@code latest} renders: the one asked for,
     * or the one {@code latest} renders; null for an article that is no translation, which may not ask.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    TranslationOf forSave(Article article, VersionSnapshot latest, Integer requested) {
        if (!article.isTranslation()) {
            if (requested != null) {
                throw ProblemException.invalid("translatedFrom", "this article is no translation, so it renders no source version");
            }
            return null;
        }
        return requested == null ? latest.translationOf() : checked("translatedFrom", article, latest, requested);
    }

    /** A restore brings back the source version the restored text renders, if the translation may go there. */
    @Transactional(Transactional.TxType.MANDATORY)
    TranslationOf forRestore(Article article, VersionSnapshot latest, VersionSnapshot restored) {
        return article.isTranslation() ? checked("version", article, latest, restored.translationOf().version()) : null;
    }

    private TranslationOf checked(String field, Article article, VersionSnapshot latest, int requested) {
        Article source = ArticleLookup.article(article.translationOf);
        TranslationRules.movesTo(field, requested, latest.translationOf().version(), source.latestVersion,
                        wasLive(article.id, null), wasLive(source.id, requested))
                .ifPresent(error -> {
                    throw ProblemException.invalid(List.of(error));
                });
        VersionSnapshot translated = versions.of(source.id, requested).orElseThrow();
        return new TranslationOf(source.id, requested, translated.contentHash());
    }

    /** Whether the article (that version of it, when {@code versionNo} is given) has ever been live. */
    private boolean wasLive(UUID articleId, Integer versionNo) {
        return (Boolean) entityManager.createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM publications WHERE article_id = ?1 AND (CAST(?2 AS integer) IS NULL OR version_no = ?2))""")
                .setParameter(1, articleId)
                .setParameter(2, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.INTEGER, versionNo))
                .getSingleResult();
    }
}
