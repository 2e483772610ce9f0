package org.imprimatur.workflow;

import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.Decision;
import org.imprimatur.rules.WorkflowRules;
import org.imprimatur.rules.ReviewDates;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.PublicUrl;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.ContentValidator;
import org.imprimatur.audit.AuditTrail;
import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.article.ReviewComment;
import org.imprimatur.article.ReviewRecord;
import org.imprimatur.security.Actor;
import org.imprimatur.security.ReviewerStanding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Carries out the workflow actions: each locks the article, asks {@link WorkflowRules}, applies the
 * change and writes the audit event, all in one transaction.
 */
@ApplicationScoped
public class WorkflowService {

    private final AuditTrail auditTrail;
    private final PublicationHistory publications;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final ReviewerStanding reviewerStanding;

    public WorkflowService(AuditTrail auditTrail, PublicationHistory publications, EntityManager entityManager,
                           Outbox outbox, PublicUrl publicUrl, ReviewerStanding reviewerStanding, Clock clock) {
        this.reviewerStanding = reviewerStanding;
        this.clock = clock;
        this.auditTrail = auditTrail;
        this.publications = publications;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
    }

    @Transactional
    public ArticleViews.Saved submit(UUID articleId, Actor actor) {
        Article article = ArticleLookup.lockedArticle(articleId);
        ArticleVersion latest = ArticleLookup.latestVersionOf(article);
        Instant now = Timestamps.now(clock);
        WorkflowState to = WorkflowGate.require(attempt(WorkflowAction.SUBMIT, actor, article, latest)
                .reviewBlockers(ContentValidator.reviewBlockers(latest.content(article.slug))).at(now).build());
        WorkflowState from = enter(article, to, now);
        article.submittedAt = now;
        announce(ArticleEventType.SUBMITTED, article, latest, now, Map.of());
        return record(article, latest, actor, WorkflowAction.SUBMIT, from, null, now);
    }

    @Transactional
    public ArticleViews.Saved withdraw(UUID articleId, Actor actor) {
        Article article = ArticleLookup.lockedArticle(articleId);
        ArticleVersion latest = ArticleLookup.latestVersionOf(article);
        Instant now = Timestamps.now(clock);
        WorkflowState to = WorkflowGate.require(attempt(WorkflowAction.WITHDRAW, actor, article, latest).at(now).build());
        String comment = article.publishAt == null ? null : "Cancelled the publication scheduled for " + article.publishAt;
        WorkflowState from = enter(article, to, now);
        article.submittedAt = null;
        article.publishAt = null;
        announce(ArticleEventType.WITHDRAWN, article, latest, now, Map.of());
        return record(article, latest, actor, WorkflowAction.WITHDRAW, from, comment, now);
    }

    @Transactional
    public ArticleViews.Saved requestChanges(UUID articleId, Integer version, List<Attempt.ReviewComment> comments,
                                               Actor actor) {
        Article article = ArticleLookup.lockedArticle(articleId);
        ArticleVersion latest = ArticleLookup.latestVersionOf(article);
        Instant now = Timestamps.now(clock);
        List<Attempt.ReviewComment> given = comments == null ? List.of() : comments;
        checkComments(given);
        WorkflowState to = WorkflowGate.require(attempt(WorkflowAction.REQUEST_CHANGES, actor, article, latest)
                .names(version, null)
                .sectionKeys(latest.sections.stream().map(section -> section.key).collect(Collectors.toSet()))
                .comments(given).at(now).build());
        WorkflowState from = enter(article, to, now);
        article.submittedAt = null;
        for (Attempt.ReviewComment given1 : given) {
            ReviewComment comment = new ReviewComment();
            comment.id = UUID.randomUUID();
            comment.articleId = article.id;
            comment.versionNo = latest.versionNo;
            comment.sectionKey = given1.sectionKey();
            comment.text = given1.text().strip();
            comment.authorId = actor.id();
            comment.createdAt = now;
            comment.persist();
        }
        String summary = given.stream().map(c -> (c.sectionKey() == null ? "" : "[" + c.sectionKey() + "] ") + c.text().strip())
                .collect(Collectors.joining("\n"));
        announce(ArticleEventType.CHANGES_REQUESTED, article, latest, now, Map.of());
        return record(article, latest, actor, WorkflowAction.REQUEST_CHANGES, from, summary, now);
    }

    @Transactional
    public ArticleViews.Saved approve(UUID articleId, Integer version, String contentHash, Instant publishAt, Actor actor) {
        Article article = ArticleLookup.lockedArticle(articleId);
        ArticleVersion latest = ArticleLookup.latestVersionOf(article);
        Instant now = Timestamps.now(clock);
        WorkflowState to = WorkflowGate.require(approval(article, latest, actor, version, contentHash, publishAt, now));
        WorkflowState from = enter(article, to, now);
        article.submittedAt = null;
        recordReview(article, latest, ReviewRecord.Kind.APPROVAL, actor, now);
        String comment = null;
        // The row's checks tie APPROVED to a publishAt: both are set before the outbox insert flushes the
        // article. The live version too, so that the row is written once.
        if (to == WorkflowState.APPROVED) {
            article.publishAt = publishAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            comment = "Scheduled to go live at " + article.publishAt;
        } else {
            markLive(article, latest);
        }
        announce(ArticleEventType.APPROVED, article, latest, now, Map.of());
        if (to == WorkflowState.PUBLISHED) {
            goLive(article, latest, now);
        } else {
            announce(ArticleEventType.SCHEDULED, article, latest, now, Map.of("publishAt", article.publishAt.toString()));
        }
        return record(article, latest, actor, WorkflowAction.APPROVE, from, withStanding(comment, actor), now);
    }

    @Transactional
    public ArticleViews.Saved reconfirm(UUID articleId, Integer version, String contentHash, Actor actor) {
        Article article = ArticleLookup.lockedArticle(articleId);
        ArticleVersion latest = ArticleLookup.latestVersionOf(article);
        Instant now = Timestamps.now(clock);
        WorkflowState to = WorkflowGate.require(reconfirmation(article, latest, actor, version, contentHash, now));
        WorkflowState from = enter(article, to, now);
        recordReview(article, latest, ReviewRecord.Kind.RECONFIRMATION, actor, now);
        announce(ArticleEventType.RECONFIRMED, article, latest, now, Map.of());
        return record(article, latest, actor, WorkflowAction.RECONFIRM, from, withStanding(null, actor), now);
    }

    @Transactional
    public ArticleViews.Saved retract(UUID articleId, String reason, Actor actor) {
        Article article = ArticleLookup.lockedArticle(articleId);
        ArticleVersion latest = ArticleLookup.latestVersionOf(article);
        Instant now = Timestamps.now(clock);
        if (reason != null && reason.strip().length() > 2000) {
            throw ProblemException.invalid("reason", "is longer than 2000 characters");
        }
        ControlCharacters.textProblem(reason).ifPresent(problem -> {
            throw ProblemException.invalid("reason", problem);
        });
        WorkflowState to = WorkflowGate.require(attempt(WorkflowAction.RETRACT, actor, article, latest)
                .reason(reason).at(now).build());
        Integer retractedVersion = article.publishedVersion;
        WorkflowState from = enter(article, to, now);
        article.publishedVersion = null;
        article.retractionReason = reason.strip();
        publications.takeOffline(article.id, article.slug, now);
        outbox.append(ArticleEventType.RETRACTED, new Outbox.EventFacts(article.id, article.slug, retractedVersion,
                ArticleVersion.find(article.id, retractedVersion).map(v -> v.contentHash).orElse(null),
                article.state.name(), now), Map.of("reason", reason.strip()));
        auditTrail.record(article.id, actor, WorkflowAction.RETRACT, from, to, retractedVersion, reason.strip(), now);
        return ArticleViews.saved(article, latest, List.of());
    }

    /** Publishes approvals whose time has come. Row locks with SKIP LOCKED let only one replica take each. */
    @Transactional
    public int publishDue() {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT id FROM articles WHERE state = 'APPROVED' AND publish_at <= ?1
                        ORDER BY publish_at LIMIT 100 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC))
                .getResultList();
        for (UUID articleId : due) {
            Article article = Article.findById(articleId);
            entityManager.refresh(article);
            ArticleVersion latest = ArticleLookup.latestVersionOf(article);
            Instant now = Timestamps.now(clock);
            WorkflowState to = WorkflowGate.require(Attempt.of(WorkflowAction.PUBLISH_SCHEDULED, null)
                    .article(article.state, article.latestVersion, latest.contentHash, article.publishedVersion)
                    .at(now).build());
            String comment = "Went live as scheduled for " + article.publishAt;
            WorkflowState from = enter(article, to, now);
            article.publishAt = null;
            goLive(article, latest, now);
            record(article, latest, null, WorkflowAction.PUBLISH_SCHEDULED, from, comment, now);
        }
        return due.size();
    }

    private void goLive(Article article, ArticleVersion version, Instant now) {
        markLive(article, version);
        publications.goLive(article.id, article.slug, version.versionNo, now);
        announce(ArticleEventType.PUBLISHED, article, version, now, Map.of("url", publicUrl.of("/api/v1/articles/" + article.slug)));
    }

    private static void markLive(Article article, ArticleVersion version) {
        article.publishedVersion = version.versionNo;
        article.retractionReason = null;
    }

    /** An outbox event about the article's state after the action, in the action's transaction. */
    private void announce(ArticleEventType type, Article article, ArticleVersion version, Instant now,
                          Map<String, Object> extra) {
        outbox.append(type, new Outbox.EventFacts(article.id, article.slug, version.versionNo, version.contentHash,
                article.state.name(), now), extra);
    }

    /**
     * Moves the article to its new state before anything is flushed: the row's checks tie state to
     * the scheduling and submission columns, so both change together. Returns the state it left.
     */
    private static WorkflowState enter(Article article, WorkflowState to, Instant now) {
        WorkflowState from = article.state;
        article.state = to;
        article.changedAt = now;
        return from;
    }

    private ArticleViews.Saved record(Article article, ArticleVersion latest, Actor actor, WorkflowAction action,
                                        WorkflowState from, String comment, Instant now) {
        auditTrail.record(article.id, actor, action, from, article.state, latest.versionNo, comment, now);
        return ArticleViews.saved(article, latest, List.of());
    }

    /** The audit comment of a review decision, naming where the reviewer's role and credentials came from. */
    private String withStanding(String comment, Actor reviewer) {
        String standing = reviewerStanding.describe(reviewer.id());
        if (standing == null) {
            return comment;
        }
        String sentence = Character.toUpperCase(standing.charAt(0)) + standing.substring(1);
        return comment == null ? sentence : comment + ". " + sentence;
    }

    private void recordReview(Article article, ArticleVersion version, ReviewRecord.Kind kind, Actor reviewer, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ReviewRecord record = new ReviewRecord();
        record.id = UUID.randomUUID();
        record.articleId = article.id;
        record.versionNo = version.versionNo;
        record.contentHash = version.contentHash;
        record.kind = kind;
        record.reviewerId = reviewer.id();
        record.reviewerName = reviewer.name();
        record.reviewerCredentials = reviewer.credentials() == null ? "" : reviewer.credentials();
        record.lastReviewedOn = today;
        record.nextReviewDue = ReviewDates.nextReviewDue(today, article.reviewIntervalMonths);
        record.createdAt = now;
        record.persist();
    }

    private int lastPublishedVersion(UUID articleId) {
        List<Integer> published = publications.publishedVersions(articleId);
        return published.isEmpty() ? 0 : published.get(published.size() - 1);
    }

    /** Authors of the versions after {@code after} up to and including {@code upTo}. */
    private Set<UUID> authorsSince(UUID articleId, int after, int upTo) {
        List<UUID> authors = entityManager.createQuery("""
                        select distinct v.authorId from ArticleVersion v
                        where v.articleId = :article and v.versionNo > :after and v.versionNo <= :upTo""", UUID.class)
                .setParameter("article", articleId)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .getResultList();
        return new HashSet<>(authors);
    }

    /**
     * Who first wrote the parts of {@code candidate} that differ from version {@code baselineNo}
     * (every part when it is null): restored or long-unpublished text counts for its real author.
     */
    private Set<UUID> writersOfChange(Article article, ArticleVersion candidate, Integer baselineNo) {
        ArticleContent baseline = baselineNo == null ? null
                : ArticleVersion.find(article.id, baselineNo).map(version -> version.content(article.slug)).orElse(null);
        Set<Integer> versions = candidate.origins().versionsThatWroteChangesFrom(candidate.content(article.slug), baseline);
        if (versions.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery("""
                        select distinct v.authorId from ArticleVersion v
                        where v.articleId = :article and v.versionNo in :versions""", UUID.class)
                .setParameter("article", article.id)
                .setParameter("versions", versions)
                .getResultList());
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private Attempt approval(Article article, ArticleVersion latest, Actor actor, Integer version, String contentHash,
                             Instant publishAt, Instant now) {
        return attempt(WorkflowAction.APPROVE, actor, article, latest)
                .names(version, contentHash)
                .publishAt(publishAt)
                .passwordSetters(reviewerStanding.passwordSetters(actor.id()))
                .authorsOfChange(union(authorsSince(article.id, lastPublishedVersion(article.id), latest.versionNo),
                        writersOfChange(article, latest, article.publishedVersion)))
                .at(now).build();
    }

    private Attempt reconfirmation(Article article, ArticleVersion latest, Actor actor, Integer version,
                                   String contentHash, Instant now) {
        // The change a reconfirmation certifies: the versions since the publication before the live one.
        List<Integer> published = publications.publishedVersions(article.id);
        int publishedBefore = published.size() >= 2 ? published.get(published.size() - 2) : 0;
        return attempt(WorkflowAction.RECONFIRM, actor, article, latest)
                .names(version, contentHash)
                .passwordSetters(reviewerStanding.passwordSetters(actor.id()))
                .authorsOfChange(union(authorsSince(article.id, publishedBefore, latest.versionNo),
                        writersOfChange(article, latest, publishedBefore == 0 ? null : publishedBefore)))
                .at(now).build();
    }

    /**
     * What the rules would answer if the actor took each workflow action on the article's current
     * version now, with a comment or reason given: so that a screen offers only the actions that
     * can succeed, and says why the others cannot. The actions themselves decide again.
     */
    @Transactional
    public Map<WorkflowAction, Decision> prospects(UUID articleId, Actor actor) {
        Article article = ArticleLookup.article(articleId);
        ArticleVersion latest = ArticleLookup.latestVersionOf(article);
        Instant now = Timestamps.now(clock);
        Map<WorkflowAction, Decision> prospects = new EnumMap<>(WorkflowAction.class);
        prospects.put(WorkflowAction.SAVE, WorkflowRules.decide(attempt(WorkflowAction.SAVE, actor, article, latest).at(now).build()));
        prospects.put(WorkflowAction.SUBMIT, WorkflowRules.decide(attempt(WorkflowAction.SUBMIT, actor, article, latest)
                .reviewBlockers(ContentValidator.reviewBlockers(latest.content(article.slug))).at(now).build()));
        prospects.put(WorkflowAction.WITHDRAW, WorkflowRules.decide(attempt(WorkflowAction.WITHDRAW, actor, article, latest).at(now).build()));
        prospects.put(WorkflowAction.REQUEST_CHANGES, WorkflowRules.decide(attempt(WorkflowAction.REQUEST_CHANGES, actor, article, latest)
                .names(latest.versionNo, null).comments(List.of(new Attempt.ReviewComment(null, "a comment")))
                .at(now).build()));
        prospects.put(WorkflowAction.APPROVE, WorkflowRules.decide(
                approval(article, latest, actor, latest.versionNo, latest.contentHash, null, now)));
        prospects.put(WorkflowAction.RECONFIRM, WorkflowRules.decide(
                reconfirmation(article, latest, actor, article.publishedVersion, latest.contentHash, now)));
        prospects.put(WorkflowAction.RETRACT, WorkflowRules.decide(attempt(WorkflowAction.RETRACT, actor, article, latest)
                .reason("a reason").at(now).build()));
        return prospects;
    }

    private static Attempt.Builder attempt(WorkflowAction action, Actor actor, Article article, ArticleVersion latest) {
        return Attempt.of(action, actor)
                .article(article.state, article.latestVersion, latest.contentHash, article.publishedVersion);
    }

    private static void checkComments(List<Attempt.ReviewComment> comments) {
        for (int i = 0; i < comments.size(); i++) {
            Attempt.ReviewComment comment = comments.get(i);
            if (comment == null || comment.text() == null || comment.text().isBlank()) {
                throw ProblemException.invalid("comments[" + i + "].text", "is required");
            }
            if (comment.text().length() > 5000) {
                throw ProblemException.invalid("comments[" + i + "].text", "is longer than 5000 characters");
            }
            String field = "comments[" + i + "].text";
            ControlCharacters.textProblem(comment.text()).ifPresent(problem -> {
                throw ProblemException.invalid(field, problem);
            });
        }
    }
}
