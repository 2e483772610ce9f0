package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Takes the live version off the delivery API, with the reason readers and the audit are given. */
@ApplicationScoped
public class Retracting implements WorkflowStep {

    static final int MAX_REASON_LENGTH = 2000;

    private final PublicationHistory publications;
    private final WorkflowEventRecorder recorder;
    private final OutdatedTranslations outdatedTranslations;
    private final Clock clock;

    public Retracting(PublicationHistory publications, WorkflowEventRecorder recorder, OutdatedTranslations outdatedTranslations,
                      Clock clock) {
        this.publications = publications;
        this.outdatedTranslations = outdatedTranslations;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Transactional
    public ArticleViews.Saved retract(UUID articleId, String reason, Actor actor) {
        ArticleAtHand at = ArticleAtHand.locked(articleId, clock);
        if (reason != null && reason.strip().length() > MAX_REASON_LENGTH) {
            throw ProblemException.invalid("reason", "is longer than " + MAX_REASON_LENGTH + " characters");
        }
        ControlCharacters.textProblem(reason).ifPresent(problem -> {
            throw ProblemException.invalid("reason", problem);
        });
        WorkflowState to = WorkflowGate.require(attempt(at, actor, reason));
        int retracted = at.article().publishedVersion;
        Transition transition = at.enter(to, actor);
        at.article().publishedVersion = null;
        at.article().retractionReason = reason.strip();
        publications.takeOffline(at.article().id, at.article().slug, at.now());
        outdatedTranslations.retracted(at.article());
        String retractedHash = ArticleVersion.find(at.article().id, retracted).map(version -> version.contentHash).orElse(null);
        recorder.record(new WorkflowEvent.ArticleRetracted(transition, retracted, retractedHash, reason.strip()));
        return ArticleViews.saved(at.article(), at.latest(), List.of());
    }

    @Override
    public WorkflowAction action() {
        return WorkflowAction.RETRACT;
    }

    @Override
    public Attempt prospect(ArticleAtHand at, Actor actor) {
        return attempt(at, actor, "a reason");
    }

    private static Attempt attempt(ArticleAtHand at, Actor actor, String reason) {
        return at.attempt(WorkflowAction.RETRACT, actor).reason(reason).build();
    }
}
