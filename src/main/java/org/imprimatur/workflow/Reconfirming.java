package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ReviewRecord;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.EvidenceConfirmation;
import org.imprimatur.rules.ReviewScope;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;
import org.imprimatur.security.ReviewerStanding;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A reviewer's re-review of the unchanged live version: a full review, confirming every source, with
 * new review dates and no new version.
 */
@ApplicationScoped
public class Reconfirming implements WorkflowStep {

    private final FourEyes fourEyes;
    private final ReviewerStanding reviewerStanding;
    private final ReviewerScopes reviewerScopes;
    private final WorkflowEventRecorder recorder;
    private final PublicationHistory publications;
    private final Clock clock;

    public Reconfirming(FourEyes fourEyes, ReviewerStanding reviewerStanding, ReviewerScopes reviewerScopes,
                        WorkflowEventRecorder recorder, PublicationHistory publications, Clock clock) {
        this.reviewerScopes = reviewerScopes;
        this.fourEyes = fourEyes;
        this.reviewerStanding = reviewerStanding;
        this.recorder = recorder;
        this.publications = publications;
        this.clock = clock;
    }

    @Transactional
    /** @param evidence citation key → current or replace: a reconfirmation is a full review and confirms every source */
    public ArticleViews.Saved reconfirm(UUID articleId, Integer version, String contentHash, Map<String, String> evidence,
                                        Actor actor) {
        ArticleAtHand at = ArticleAtHand.locked(articleId, clock);
        Attempt attempt = attempt(at, actor, version, contentHash, evidence);
        WorkflowState to = WorkflowGate.require(attempt);
        Transition transition = at.enter(to, actor);
        ReviewRecord record = ReviewRecords.persist(at, ReviewRecord.Kind.RECONFIRMATION, ReviewScope.FULL, evidence,
                List.of(), Map.of(), actor, attempt.reviewerScope(), null);
        // The live version stays, but its review block and provenance change: every replica reads them again.
        publications.reviewChanged(at.article().slug);
        recorder.record(new WorkflowEvent.ArticleReconfirmed(transition, ReviewRecords.describe(record),
                reviewerStanding.describe(actor.id())));
        return ArticleViews.saved(at.article(), at.latest(), List.of());
    }

    @Override
    public WorkflowAction action() {
        return WorkflowAction.RECONFIRM;
    }

    @Override
    public Attempt prospect(ArticleAtHand at, Actor actor) {
        return attempt(at, actor, at.article().publishedVersion, at.latest().contentHash,
                EvidenceConfirmation.allCurrent(at.citationKeys()));
    }

    private Attempt attempt(ArticleAtHand at, Actor actor, Integer version, String contentHash, Map<String, String> evidence) {
        return at.attempt(WorkflowAction.RECONFIRM, actor)
                .names(version, contentHash)
                .evidence(at.citationKeys(), evidence)
                .passwordSetters(fourEyes.passwordSetters(actor))
                .authorsOfChange(fourEyes.authorsOfReconfirmation(at))
                .reviewerScope(reviewerScopes.of(actor.id()))
                .build();
    }
}
