package org.imprimatur.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.infrastructure.ProblemException;

import java.util.UUID;

/** Two versions of one article compared, section by section and word by word (docs/delivery.md, "Diffs"). */
@ApplicationScoped
public class VersionComparison {

    /** What changed from version {@code from} to version {@code to}; 404 when the article lacks either. */
    @Transactional
    public VersionDiffer.VersionDiff between(UUID articleId, int from, int to) {
        Article article = ArticleLookup.article(articleId);
        return diff(article, version(article, from), version(article, to));
    }

    /**
     * What the newest version changed since version {@code base}, for someone who started from it;
     * nothing (the newest compared with itself) when {@code base} is null or names no version.
     */
    @Transactional
    public VersionDiffer.VersionDiff newestSince(UUID articleId, Integer base) {
        Article article = ArticleLookup.article(articleId);
        ArticleVersion newest = ArticleLookup.latestVersionOf(article);
        ArticleVersion before = base == null ? newest : ArticleVersion.find(articleId, base).orElse(newest);
        return diff(article, before, newest);
    }

    private static VersionDiffer.VersionDiff diff(Article article, ArticleVersion from, ArticleVersion to) {
        return VersionDiffer.diff(from.versionNo, from.content(article.slug), to.versionNo, to.content(article.slug));
    }

    private static ArticleVersion version(Article article, int number) {
        return ArticleVersion.find(article.id, number)
                .orElseThrow(() -> ProblemException.notFound("This article has no version " + number + "."));
    }
}
