package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Takes an article out of review, or cancels its scheduled publication, back to draft. */
@ApplicationScoped
public class Withdrawing implements WorkflowStep {

    private final WorkflowEventRecorder recorder;
    private final Clock clock;

    public Withdrawing(WorkflowEventRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @Transactional
    public ArticleViews.Saved withdraw(UUID articleId, Actor actor) {
        ArticleAtHand at = ArticleAtHand.locked(articleId, clock);
        WorkflowState to = WorkflowGate.require(prospect(at, actor));
        Instant cancelled = at.article().publishAt;
        java.util.UUID release = at.article().awaitsRelease;
        Transition transition = at.enter(to, actor);
        at.article().submittedAt = null;
        at.article().publishAt = null;
        // Withdrawn, the article leaves its release's ready set until approved for it again (docs/releases.md).
        at.article().awaitsRelease = null;
        recorder.record(new WorkflowEvent.ArticleWithdrawn(transition, cancelled, release));
        return ArticleViews.saved(at.article(), at.latest(), List.of());
    }

    @Override
    public WorkflowAction action() {
        return WorkflowAction.WITHDRAW;
    }

    @Override
    public Attempt prospect(ArticleAtHand at, Actor actor) {
        return at.attempt(WorkflowAction.WITHDRAW, actor).build();
    }
}
