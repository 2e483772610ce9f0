package org.imprimatur.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.audit.AuditTrail;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.review.ReviewComment;
import org.imprimatur.review.ReviewRecord;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;
import org.imprimatur.workflow.Attempt;
import org.imprimatur.workflow.WorkflowAction;
import org.imprimatur.workflow.WorkflowGate;
import org.imprimatur.workflow.WorkflowState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creating articles and saving, reading and restoring their versions. */
@ApplicationScoped
public class ArticleService {

    private final AuditTrail auditTrail;

    public ArticleService(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    /** A version as stored, with the article it belongs to. */
    public record Saved(ArticleView view, String etag) {
    }

    @Transactional
    public Saved create(ArticleContent request, Actor actor) {
        ArticleContent content = ContentValidator.validate(request, true);
        WorkflowGate.require(Attempt.of(WorkflowAction.CREATE, actor).build());
        if (Article.findBySlug(content.slug()).isPresent()) {
            throw ProblemException.conflict("The slug " + content.slug() + " is already taken by another article.");
        }
        Instant now = Timestamps.now();
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.slug = content.slug();
        article.createdAt = now;
        article.createdBy = actor.id();
        article.latestVersion = 1;
        article.state = WorkflowState.DRAFT;
        article.reviewIntervalMonths = content.reviewIntervalMonths();
        article.changedAt = now;
        article.persist();
        ArticleVersion version = ArticleVersion.of(article.id, 1, content, ContentOrigins.allWrittenIn(content, 1),
                actor.id(), null, now);
        version.persist();
        auditTrail.record(article.id, actor, WorkflowAction.CREATE, null, WorkflowState.DRAFT, 1, content.changeNote(), now);
        return saved(article, version, ContentValidator.warnings(content));
    }

    @Transactional
    public Saved save(UUID articleId, ArticleContent request, String ifMatch, Actor actor) {
        requireIfMatch(ifMatch);
        ArticleContent content = ContentValidator.validate(request, false);
        Article article = lockedArticle(articleId);
        if (content.slug() != null && !content.slug().equals(article.slug)) {
            throw ProblemException.invalid("slug", "cannot change: this article's slug is " + article.slug);
        }
        return appendVersion(article, content.withSlug(article.slug), ifMatch, actor, WorkflowAction.SAVE,
                latestVersionOf(article));
    }

    @Transactional
    public Saved restore(UUID articleId, Integer versionNo, String ifMatch, Actor actor) {
        requireIfMatch(ifMatch);
        if (versionNo == null) {
            throw ProblemException.invalid("version", "the version to restore is required");
        }
        Article article = lockedArticle(articleId);
        ArticleVersion old = ArticleVersion.find(articleId, versionNo)
                .orElseThrow(() -> ProblemException.invalid("version", "article has no version " + versionNo));
        ArticleContent restored = old.content(article.slug).withChangeNote("Restored from version " + versionNo);
        // Restored text keeps the authors who wrote it, so four-eyes still sees them.
        return appendVersion(article, restored, ifMatch, actor, WorkflowAction.RESTORE, old);
    }

    /** Appends {@code content} as the next version, edited from (or restoring) {@code source}. */
    private Saved appendVersion(Article article, ArticleContent content, String ifMatch, Actor actor,
                                WorkflowAction action, ArticleVersion source) {
        ArticleVersion latest = latestVersionOf(article);
        if (!ETags.matches(ifMatch, ETags.of(latest.versionNo, latest.contentHash))) {
            throw ProblemException.preconditionFailed("If-Match does not name the newest version (" + latest.versionNo
                    + ", ETag " + ETags.of(latest.versionNo, latest.contentHash) + "); read the article again and redo the change.");
        }
        WorkflowState to = WorkflowGate.require(Attempt.of(action, actor)
                .article(article.state, article.latestVersion, latest.contentHash, article.publishedVersion).build());
        Instant now = Timestamps.now();
        WorkflowState from = article.state;
        int versionNo = article.latestVersion + 1;
        ContentOrigins origins = ContentOrigins.carry(source.content(article.slug), source.origins(), content, versionNo);
        ArticleVersion version = ArticleVersion.of(article.id, versionNo, content, origins, actor.id(), source.versionNo, now);
        version.persist();
        article.latestVersion = version.versionNo;
        article.state = to;
        article.reviewIntervalMonths = content.reviewIntervalMonths();
        article.changedAt = now;
        article.submittedAt = null;
        auditTrail.record(article.id, actor, action, from, to, version.versionNo, content.changeNote(), now);
        return saved(article, version, ContentValidator.warnings(content));
    }

    @Transactional
    public Saved latest(UUID articleId) {
        Article article = article(articleId);
        ArticleVersion version = latestVersionOf(article);
        return saved(article, version, ContentValidator.warnings(version.content(article.slug)));
    }

    @Transactional
    public Saved version(UUID articleId, int versionNo) {
        Article article = article(articleId);
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
        Article article = article(articleId);
        List<ArticleVersion> versions = ArticleVersion.list("articleId = ?1 order by versionNo desc", articleId);
        return versions.stream()
                .map(version -> new VersionSummary(version.versionNo, version.title, version.contentHash,
                        person(version.authorId), version.createdAt, version.changeNote, version.basedOn,
                        article.publishedVersion != null && article.publishedVersion == version.versionNo))
                .toList();
    }

    public static Article article(UUID articleId) {
        return Optional.ofNullable(Article.<Article>findById(articleId))
                .orElseThrow(() -> ProblemException.notFound("There is no article " + articleId + "."));
    }

    public static Article lockedArticle(UUID articleId) {
        return Article.findForUpdate(articleId)
                .orElseThrow(() -> ProblemException.notFound("There is no article " + articleId + "."));
    }

    public static ArticleVersion latestVersionOf(Article article) {
        return ArticleVersion.find(article.id, article.latestVersion)
                .orElseThrow(() -> new IllegalStateException("Article " + article.id + " lost its latest version"));
    }

    public static Saved saved(Article article, ArticleVersion version, List<FieldError> warnings) {
        return new Saved(view(article, version, warnings, null), ETags.of(version.versionNo, version.contentHash));
    }

    private static ArticleView view(Article article, ArticleVersion version, List<FieldError> warnings,
                                    List<ArticleView.VersionComment> comments) {
        ArticleContent content = version.content(article.slug);
        return new ArticleView(article.id, article.slug, content.title(), content.summary(), content.language(),
                content.tags(), content.reviewIntervalMonths(), content.changeNote(), content.sections(),
                content.citations(), version.versionNo,
                version.versionNo == article.latestVersion ? article.state : null,
                article.publishedVersion, article.publishAt, version.contentHash, person(version.authorId),
                version.createdAt, version.basedOn,
                ReviewRecord.newestOf(article.id).map(ReviewRecord::toBlock).orElse(null),
                warnings.isEmpty() ? null : warnings, comments, article.retractionReason,
                diffAgainstPublished(article, version));
    }

    /** A version under review links reviewers to what changed since the live version. */
    private static String diffAgainstPublished(Article article, ArticleVersion version) {
        if (article.state != WorkflowState.IN_REVIEW || article.publishedVersion == null
                || version.versionNo != article.latestVersion) {
            return null;
        }
        return "/api/v1/editorial/articles/" + article.id + "/diff?from=" + article.publishedVersion + "&to=" + version.versionNo;
    }

    public static ArticleView.Person person(UUID accountId) {
        if (accountId == null) {
            return null;
        }
        Account account = Account.findById(accountId);
        return account == null ? new ArticleView.Person(accountId, null, null)
                : new ArticleView.Person(account.id, account.displayName, account.credentials);
    }

    private static void requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Saving needs an If-Match header with the ETag of the version you edited, so that no one else's change is overwritten.");
        }
        // "*" matches whatever is current, which is exactly the blind overwrite If-Match is here to stop.
        if (java.util.Arrays.stream(ifMatch.split(",")).anyMatch(candidate -> candidate.strip().equals("*"))) {
            throw ProblemException.preconditionRequired(
                    "If-Match: * is not accepted: name the ETag of the version you edited, so that no one else's change is overwritten.");
        }
    }
}
