package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ReviewRecord;
import org.imprimatur.rules.AcceptedFinding;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.EvidenceConfirmation;
import org.imprimatur.rules.ReleaseSlot;
import org.imprimatur.rules.ReviewScope;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;
import org.imprimatur.security.ReviewerStanding;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A reviewer's approval of the exact version and hash under review, by someone who wrote none of
 * the change: it goes live at once, or at the instant asked for. A full review confirms every
 * source and sets new review dates; a change approval keeps the dates of the last full review.
 */
@ApplicationScoped
public class Approving implements WorkflowStep {

    private final FourEyes fourEyes;
    private final GoingLive goingLive;
    private final ReviewerStanding reviewerStanding;
    private final ReviewerScopes reviewerScopes;
    private final WorkflowEventRecorder recorder;
    private final ContentChecks checks;
    private final Releases releases;
    private final Clock clock;

    public Approving(FourEyes fourEyes, GoingLive goingLive, ReviewerStanding reviewerStanding,
                     ReviewerScopes reviewerScopes, WorkflowEventRecorder recorder, ContentChecks checks, Releases releases,
                     Clock clock) {
        this.releases = releases;
        this.reviewerScopes = reviewerScopes;
        this.fourEyes = fourEyes;
        this.checks = checks;
        this.goingLive = goingLive;
        this.reviewerStanding = reviewerStanding;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * @param review  the scope, the evidence and the accepted findings of the review (docs/workflow.md, "Review scope")
     * @param release the release the approval is for, or null: the version then waits for it (docs/releases.md)
     */
    @Transactional
    public ArticleViews.Saved approve(UUID articleId, Integer version, String contentHash, Instant publishAt,
                                      ReviewConfirmation review, UUID release, Actor actor) {
        ReviewScope scope = review.requestedScope();
        ArticleAtHand at = ArticleAtHand.locked(articleId, clock);
        ReleaseSlot slot = release == null ? null : releases.slot(release, articleId);
        Map<AcceptedFinding.Place, String> findings = review.acceptedFindings().isEmpty() ? Map.of() : currentFindings(at);
        Attempt attempt = attempt(at, actor, version, contentHash, publishAt, scope, review.evidence(),
                findings.keySet(), review.acceptedFindings(), slot);
        WorkflowState to = WorkflowGate.require(attempt);
        Transition transition = at.enter(to, actor);
        at.article().submittedAt = null;
        ReviewRecord record = ReviewRecords.persist(at, ReviewRecord.Kind.APPROVAL, attempt.effectiveScope(), review.evidence(),
                review.acceptedFindings(), findings, actor, attempt.reviewerScope(), slot == null ? null : release);
        Instant scheduledFor = null;
        // The row's checks tie APPROVED to a publishAt or a release: both are set before anything is flushed.
        if (slot != null) {
            at.article().awaitsRelease = release;
        } else if (to == WorkflowState.APPROVED) {
            scheduledFor = publishAt.truncatedTo(ChronoUnit.MICROS);
            at.article().publishAt = scheduledFor;
        } else {
            goingLive.newestVersion(at);
        }
        recorder.record(new WorkflowEvent.ArticleApproved(transition, scheduledFor, release,
                slot == null ? null : slot.title(), ReviewRecords.describe(record), reviewerStanding.describe(actor.id())));
        return ArticleViews.saved(at.article(), at.latest(), List.of());
    }

    @Override
    public WorkflowAction action() {
        return WorkflowAction.APPROVE;
    }

    @Override
    public Attempt prospect(ArticleAtHand at, Actor actor) {
        // As with a comment or reason, the screen asks whether the review could go ahead once its form is filled in.
        return attempt(at, actor, at.latest().versionNo, at.latest().contentHash, null, null,
                EvidenceConfirmation.allCurrent(at.citationKeys()), Set.of(), List.of(), null);
    }

    /** Where the clinical checks find something in the version under review, with each finding's sentence. */
    private Map<AcceptedFinding.Place, String> currentFindings(ArticleAtHand at) {
        Map<AcceptedFinding.Place, String> findings = new HashMap<>();
        checks.report(at.latest().content(at.article().slug)).findings().forEach(ruled -> findings.put(
                new AcceptedFinding.Place(ruled.finding().rule().wireName(), ruled.finding().sectionKey(),
                        ruled.finding().start(), ruled.finding().end()), ruled.finding().sentence()));
        return findings;
    }

    private Attempt attempt(ArticleAtHand at, Actor actor, Integer version, String contentHash, Instant publishAt,
                            ReviewScope scope, Map<String, String> evidence, Set<AcceptedFinding.Place> findings,
                            List<AcceptedFinding> accepted, ReleaseSlot release) {
        return at.attempt(WorkflowAction.APPROVE, actor)
                .names(version, contentHash)
                .publishAt(publishAt)
                .scope(scope)
                .evidence(at.citationKeys(), evidence)
                .findings(findings, accepted)
                .passwordSetters(fourEyes.passwordSetters(actor))
                .authorsOfChange(fourEyes.authorsOfApproval(at))
                .reviewerScope(reviewerScopes.of(actor.id()))
                .release(release)
                .build();
    }
}
