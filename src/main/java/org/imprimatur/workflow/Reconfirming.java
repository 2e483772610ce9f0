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
import java.util.List;
import java.util.UUID;

/** A reviewer's re-review of the unchanged live version: new review dates, no new version. */
@ApplicationScoped
public class Reconfirming implements WorkflowStep {

    private final FourEyes fourEyes;
    private final ReviewerStanding reviewerStanding;
    private final WorkflowEventRecorder recorder;
    private final Clock clock;

    public Reconfirming(FourEyes fourEyes, ReviewerStanding reviewerStanding, WorkflowEventRecorder recorder, Clock clock) {
        this.fourEyes = fourEyes;
        this.reviewerStanding = reviewerStanding;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Transactional
    public ArticleViews.Saved reconfirm(UUID articleId, Integer version, String contentHash, Actor actor) {
        ArticleAtHand at = ArticleAtHand.locked(articleId, clock);
        WorkflowState to = WorkflowGate.require(attempt(at, actor, version, contentHash));
        Transition transition = at.enter(to, actor);
        ReviewRecords.persist(at, ReviewRecord.Kind.RECONFIRMATION, actor);
        recorder.record(new WorkflowEvent.ArticleReconfirmed(transition, reviewerStanding.describe(actor.id())));
        return ArticleViews.saved(at.article(), at.latest(), List.of());
    }

    @Override
    public WorkflowAction action() {
        return WorkflowAction.RECONFIRM;
    }

    @Override
    public Attempt prospect(ArticleAtHand at, Actor actor) {
        return attempt(at, actor, at.article().publishedVersion, at.latest().contentHash);
    }

    private Attempt attempt(ArticleAtHand at, Actor actor, Integer version, String contentHash) {
        return at.attempt(WorkflowAction.RECONFIRM, actor)
                .names(version, contentHash)
                .passwordSetters(fourEyes.passwordSetters(actor))
                .authorsOfChange(fourEyes.authorsOfReconfirmation(at))
                .build();
    }
}
