package org.imprimatur.workflow;

import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ContentInput;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ContentOrigins;
import org.imprimatur.article.ContentValidator;
import org.imprimatur.article.ImageSources;
import org.imprimatur.article.ETags;
import org.imprimatur.article.VersionSnapshot;
import org.imprimatur.article.VersionSnapshots;
import org.imprimatur.article.TranslationOf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.audit.AuditTrail;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Specialty;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;

import org.imprimatur.infrastructure.FieldError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.UUID;

/** Creating articles, and saving and restoring their versions: the editing actions of the workflow. */
@ApplicationScoped
public class EditingService {

    private final AuditTrail auditTrail;
    private final VersionSnapshots versions;
    private final ImageSources images;
    private final ContentChecks checks;
    private final Translating translating;
    private final FirstVersions firstVersions;
    private final Clock clock;

    public EditingService(AuditTrail auditTrail, VersionSnapshots versions, ImageSources images, ContentChecks checks,
                          Translating translating, FirstVersions firstVersions, Clock clock) {
        this.checks = checks;
        this.translating = translating;
        this.firstVersions = firstVersions;
        this.auditTrail = auditTrail;
        this.versions = versions;
        this.images = images;
        this.clock = clock;
    }

    @Transactional
    public ArticleViews.Saved create(ContentInput request, Actor actor) {
        ArticleContent content = ContentValidator.validate(request, true, java.time.LocalDate.now(clock), images);
        WorkflowGate.require(Attempt.of(WorkflowAction.CREATE, actor).at(clock.instant()).build());
        if (request.translatedFrom() != null) {
            throw ProblemException.invalid("translatedFrom", "a new article is no translation; make one with POST .../translations");
        }
        String specialty = specialty(request.specialty(), null);
        return firstVersions.write(content, specialty, null, null, warnings(content), actor, Timestamps.now(clock));
    }

    @Transactional
    public ArticleViews.Saved save(UUID articleId, ContentInput request, String ifMatch, Actor actor) {
        requireIfMatch(ifMatch);
        Article article = ArticleLookup.lockedArticle(articleId);
        ArticleContent content = ContentValidator.validate(request == null ? null
                : request.inLanguage(Translating.languageOf(article, request.language())), false, java.time.LocalDate.now(clock), images);
        Translating.requireItsLanguage(article, content.language());
        if (content.slug() != null && !content.slug().equals(article.slug)) {
            throw ProblemException.invalid("slug", "cannot change: this article's slug is " + article.slug);
        }
        // Only a save sets it, and a save is a new version to review: no review runs under another specialty.
        // A refused save rolls it back with the rest.
        article.specialty = specialty(request.specialty(), article.specialty);
        VersionSnapshot latest = versions.latestOf(article);
        requireNewest(ifMatch, latest);
        return appendVersion(article, content.withSlug(article.slug), ifMatch, actor, WorkflowAction.SAVE, latest, latest,
                translating.forSave(article, latest, request.translatedFrom()));
    }

    @Transactional
    public ArticleViews.Saved restore(UUID articleId, Integer versionNo, String ifMatch, Actor actor) {
        requireIfMatch(ifMatch);
        if (versionNo == null) {
            throw ProblemException.invalid("version", "the version to restore is required");
        }
        Article article = ArticleLookup.lockedArticle(articleId);
        VersionSnapshot old = versions.of(articleId, versionNo)
                .orElseThrow(() -> ProblemException.invalid("version", "article has no version " + versionNo));
        ArticleContent restored = old.content(article.slug).withChangeNote("Restored from version " + versionNo);
        VersionSnapshot latest = versions.latestOf(article);
        requireNewest(ifMatch, latest);
        // Restored text keeps the authors who wrote it, so four-eyes still sees them.
        return appendVersion(article, restored, ifMatch, actor, WorkflowAction.RESTORE, latest, old,
                translating.forRestore(article, latest, old));
    }

    /** Appends {@code content} after {@code latest} as the next version, edited from (or restoring) {@code source}. */
    private ArticleViews.Saved appendVersion(Article article, ArticleContent content, String ifMatch, Actor actor,
                                WorkflowAction action, VersionSnapshot latest, VersionSnapshot source, TranslationOf translationOf) {
        requireNewest(ifMatch, latest);
        Instant now = Timestamps.now(clock);
        WorkflowState to = WorkflowGate.require(Attempt.of(action, actor)
                .article(article.state, article.latestVersion, latest.contentHash(), article.publishedVersion)
                .awaitingRelease(article.awaitsRelease != null).at(now).build());
        WorkflowState from = article.state;
        int versionNo = article.latestVersion + 1;
        ContentOrigins origins = ContentOrigins.carry(source.content(article.slug), source.origins(), content, versionNo);
        ArticleVersion version = ArticleVersion.of(article.id, versionNo, content, origins, actor.id(), source.versionNo(), now)
                .translating(translationOf);
        version.persist();
        versions.rememberWhenCommitted(version);
        article.latestVersion = version.versionNo;
        article.state = to;
        article.reviewIntervalMonths = content.reviewIntervalMonths();
        article.changedAt = now;
        article.submittedAt = null;
        // A newer version takes the article out of its release's ready set until approved for it again.
        article.awaitsRelease = null;
        auditTrail.record(article.id, actor, action, from, to, version.versionNo, content.changeNote(), now);
        return ArticleViews.written(article, version, warnings(content), actor);
    }

    /**
     * The specialty a create or save asks for: absent keeps {@code current}, empty removes it, a name
     * must be one of the admins' list (docs/content-model.md, "Specialty").
     */
    private static String specialty(String requested, String current) {
        if (requested == null) {
            return current;
        }
        if (requested.isBlank()) {
            return null;
        }
        if (Specialty.findById(requested) == null) {
            throw ProblemException.invalid("specialty", "is not a specialty of the list (GET /api/v1/specialties): "
                    + org.imprimatur.infrastructure.ControlCharacters.forLog(requested));
        }
        return requested;
    }

    private static void requireNewest(String ifMatch, VersionSnapshot latest) {
        if (!ETags.matches(ifMatch, ETags.of(latest.versionNo(), latest.contentHash()))) {
            throw ProblemException.preconditionFailed("If-Match does not name the newest version (" + latest.versionNo()
                    + ", ETag " + ETags.of(latest.versionNo(), latest.contentHash()) + "); read the article again and redo the change.");
        }
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

    /** What the editor should know but may save: form warnings, then what the clinical checks found. */
    private List<FieldError> warnings(ArticleContent content) {
        List<FieldError> warnings = new ArrayList<>(ContentValidator.warnings(content));
        warnings.addAll(checks.warnings(content));
        return warnings;
    }
}
