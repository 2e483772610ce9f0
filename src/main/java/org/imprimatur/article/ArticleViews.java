package org.imprimatur.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;

import java.util.List;
import java.util.UUID;

/** How an article and its versions are shown to staff: the editorial views, assembled in one place. */
@ApplicationScoped
public class ArticleViews {

    /** A version as stored, with the article it belongs to. */
    public record Saved(ArticleView view, String etag) {
    }

    /** The link from a version under review to what changed since the live version; the one builder of it. */
    public static String diffLink(java.util.UUID articleId, int from, int to) {
        return "/api/v1/editorial/articles/" + articleId + "/diff?from=" + from + "&to=" + to;
    }

    @Transactional
    public Saved latest(UUID articleId) {
        Article article = ArticleLookup.article(articleId);
        ArticleVersion version = ArticleLookup.latestVersionOf(article);
        return saved(article, version, ContentValidator.warnings(version.content(article.slug)));
    }

    @Transactional
    public Saved version(UUID articleId, int versionNo) {
        Article article = ArticleLookup.article(articleId);
        ArticleVersion version = ArticleVersion.find(articleId, versionNo)
                .orElseThrow(() -> ProblemException.notFound("Article " + articleId + " has no version " + versionNo + "."));
        List<ArticleView.VersionComment> comments = ReviewComment.of(articleId, versionNo).stream()
                .map(comment -> new ArticleView.VersionComment(comment.id, comment.sectionKey, comment.text,
                        person(comment.authorId), comment.createdAt))
                .toList();
        ArticleView view = view(article, version, ContentValidator.warnings(version.content(article.slug)), comments);
        return new Saved(view, ETags.of(version.versionNo, version.contentHash));
    }

    @Transactional
    public List<VersionSummary> history(UUID articleId) {
        Article article = ArticleLookup.article(articleId);
        List<ArticleVersion> versions = ArticleVersion.list("articleId = ?1 order by versionNo desc", articleId);
        return versions.stream()
                .map(version -> new VersionSummary(version.versionNo, version.title, version.contentHash,
                        person(version.authorId), version.createdAt, version.changeNote, version.basedOn,
                        article.publishedVersion != null && article.publishedVersion == version.versionNo))
                .toList();
    }

    public static Saved saved(Article article, ArticleVersion version, List<FieldError> warnings) {
        return new Saved(view(article, version, warnings, null), ETags.of(version.versionNo, version.contentHash));
    }

    /** A version just written by {@code author}, who need not be looked up again. */
    public static Saved written(Article article, ArticleVersion version, List<FieldError> warnings, Actor author) {
        ArticleView.Person person = new ArticleView.Person(author.id(), author.name(), author.credentials());
        return new Saved(view(article, version, warnings, null, person), ETags.of(version.versionNo, version.contentHash));
    }

    private static ArticleView view(Article article, ArticleVersion version, List<FieldError> warnings,
                                    List<ArticleView.VersionComment> comments) {
        return view(article, version, warnings, comments, person(version.authorId));
    }

    private static ArticleView view(Article article, ArticleVersion version, List<FieldError> warnings,
                                    List<ArticleView.VersionComment> comments, ArticleView.Person author) {
        ArticleContent content = version.content(article.slug);
        return new ArticleView(article.id, article.slug, content.title(), content.summary(), content.language(),
                content.tags(), content.audience(), content.disclosures(), content.authorCredentials(),
                content.reviewIntervalMonths(), content.changeNote(), content.sections(),
                content.citations(), article.specialty, version.versionNo,
                version.versionNo == article.latestVersion ? article.state : null,
                article.publishedVersion, article.publishAt, version.contentHash, author,
                version.createdAt, version.basedOn,
                ReviewRecord.newestOf(article.id).map(ReviewRecord::toBlock).orElse(null),
                warnings.isEmpty() ? null : warnings, comments, article.retractionReason,
                diffAgainstPublished(article, version),
                version.versionNo == article.latestVersion ? article.awaitsRelease : null,
                version.translationOf());
    }

    /** A version under review links reviewers to what changed since the live version. */
    private static String diffAgainstPublished(Article article, ArticleVersion version) {
        if (article.state != WorkflowState.IN_REVIEW || article.publishedVersion == null
                || version.versionNo != article.latestVersion) {
            return null;
        }
        return diffLink(article.id, article.publishedVersion, version.versionNo);
    }

    public static ArticleView.Person person(UUID accountId) {
        if (accountId == null) {
            return null;
        }
        Account account = Account.findById(accountId);
        return account == null ? new ArticleView.Person(accountId, null, null)
                : new ArticleView.Person(account.id, account.displayName, account.credentials);
    }
}
