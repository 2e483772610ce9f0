package org.imprimatur.article;

import org.imprimatur.infrastructure.ProblemException;

import java.util.Optional;
import java.util.UUID;

/** Finding an article and its newest version, and locking it for a change; within a transaction. */
public final class ArticleLookup {

    private ArticleLookup() {
    }

    public static Article article(UUID articleId) {
        return Optional.ofNullable(Article.<Article>findById(articleId))
                .orElseThrow(() -> ProblemException.notFound("There is no article " + articleId + "."));
    }

    /** The article's row, locked until the transaction ends: one change at a time per article. */
    public static Article lockedArticle(UUID articleId) {
        return Article.findForUpdate(articleId)
                .orElseThrow(() -> ProblemException.notFound("There is no article " + articleId + "."));
    }

    public static ArticleVersion latestVersionOf(Article article) {
        return ArticleVersion.find(article.id, article.latestVersion)
                .orElseThrow(() -> new IllegalStateException("Article " + article.id + " lost its latest version"));
    }
}
