package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ReviewRecord;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;
import org.imprimatur.security.ReviewerStanding;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A reviewer's approval of the exact version and hash under review, by someone who wrote none of
 * the change: it goes live at once, or at the instant asked for.
 */
@ApplicationScoped
public class Approving implements WorkflowStep {

    private final FourEyes fourEyes;
    private final GoingLive goingLive;
    private final ReviewerStanding reviewerStanding;
    private final WorkflowEventRecorder recorder;
    private final Clock clock;

    public Approving(FourEyes fourEyes, GoingLive goingLive, ReviewerStanding reviewerStanding,
                     WorkflowEventRecorder recorder, Clock clock) {
        this.fourEyes = fourEyes;
        this.goingLive = goingLive;
        this.reviewerStanding = reviewerStanding;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Transactional
    public ArticleViews.Saved approve(UUID articleId, Integer version, String contentHash, Instant publishAt, Actor actor) {
        ArticleAtHand at = ArticleAtHand.locked(articleId, clock);
        WorkflowState to = WorkflowGate.require(attempt(at, actor, version, contentHash, publishAt));
        Transition transition = at.enter(to, actor);
        at.article().submittedAt = null;
        ReviewRecords.persist(at, ReviewRecord.Kind.APPROVAL, actor);
        Instant scheduledFor = null;
        // The row's checks tie APPROVED to a publishAt: both are set before anything is flushed.
        if (to == WorkflowState.APPROVED) {
            scheduledFor = publishAt.truncatedTo(ChronoUnit.MICROS);
            at.article().publishAt = scheduledFor;
        } else {
            goingLive.newestVersion(at);
        }
        recorder.record(new WorkflowEvent.ArticleApproved(transition, scheduledFor, reviewerStanding.describe(actor.id())));
        return ArticleViews.saved(at.article(), at.latest(), List.of());
    }

    @Override
    public WorkflowAction action() {
        return WorkflowAction.APPROVE;
    }

    @Override
    public Attempt prospect(ArticleAtHand at, Actor actor) {
        return attempt(at, actor, at.latest().versionNo, at.latest().contentHash, null);
    }

    private Attempt attempt(ArticleAtHand at, Actor actor, Integer version, String contentHash, Instant publishAt) {
        return at.attempt(WorkflowAction.APPROVE, actor)
                .names(version, contentHash)
                .publishAt(publishAt)
                .passwordSetters(fourEyes.passwordSetters(actor))
                .authorsOfChange(fourEyes.authorsOfApproval(at))
                .build();
    }
}
