package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ContentValidator;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;

import org.imprimatur.infrastructure.FieldError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sends the newest version to medical review, if its content can be reviewed. */
@ApplicationScoped
public class Submitting implements WorkflowStep {

    private final WorkflowEventRecorder recorder;
    private final ContentChecks checks;
    private final Clock clock;

    public Submitting(WorkflowEventRecorder recorder, ContentChecks checks, Clock clock) {
        this.recorder = recorder;
        this.checks = checks;
        this.clock = clock;
    }

    @Transactional
    public ArticleViews.Saved submit(UUID articleId, Actor actor) {
        ArticleAtHand at = ArticleAtHand.locked(articleId, clock);
        WorkflowState to = WorkflowGate.require(prospect(at, actor));
        Transition transition = at.enter(to, actor);
        at.article().submittedAt = at.now();
        recorder.record(new WorkflowEvent.ArticleSubmitted(transition));
        return ArticleViews.saved(at.article(), at.latest(), List.of());
    }

    @Override
    public WorkflowAction action() {
        return WorkflowAction.SUBMIT;
    }

    @Override
    public Attempt prospect(ArticleAtHand at, Actor actor) {
        ArticleContent content = at.latest().content(at.article().slug);
        List<FieldError> blockers = new ArrayList<>(ContentValidator.reviewBlockers(content));
        blockers.addAll(checks.submitBlockers(content));
        return at.attempt(WorkflowAction.SUBMIT, actor).reviewBlockers(blockers).build();
    }
}
