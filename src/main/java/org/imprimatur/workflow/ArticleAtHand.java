package org.imprimatur.workflow;

import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The article an action is about, its newest version, and the instant of the action: read once, at
 * the start of the action's transaction, and used by the attempt, the change and the event alike.
 */
record ArticleAtHand(Article article, ArticleVersion latest, Instant now) {

    /** The article with its row locked until the transaction ends: one change at a time per article. */
    static ArticleAtHand locked(UUID articleId, Clock clock) {
        return of(ArticleLookup.lockedArticle(articleId), clock);
    }

    /** The article as it is, for a question rather than a change. */
    static ArticleAtHand read(UUID articleId, Clock clock) {
        return of(ArticleLookup.article(articleId), clock);
    }

    static ArticleAtHand of(Article article, Clock clock) {
        return new ArticleAtHand(article, ArticleLookup.latestVersionOf(article), Timestamps.now(clock));
    }

    /** An attempt of {@code action} by {@code actor} on the article as it is now. */
    Attempt.Builder attempt(WorkflowAction action, Actor actor) {
        return Attempt.of(action, actor)
                .article(article.state, article.latestVersion, latest.contentHash, article.publishedVersion)
                .subject(article.specialty, latest.language)
                .awaitingRelease(article.awaitsRelease != null)
                .translation(article.isTranslation())
                .at(now);
    }

    /** The citation keys of the newest version: what a full review confirms. */
    java.util.Set<String> citationKeys() {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        latest.citations.forEach(citation -> keys.add(citation.key));
        return keys;
    }

    /**
     * Moves the article to its new state before anything is flushed: the row's checks tie state to
     * the scheduling and submission columns, so both change together. Returns the transition.
     */
    Transition enter(WorkflowState to, Actor actor) {
        WorkflowState from = article.state;
        article.state = to;
        article.changedAt = now;
        return new Transition(article.id, article.slug, latest.versionNo, latest.contentHash, from, to, actor, now);
    }
}
