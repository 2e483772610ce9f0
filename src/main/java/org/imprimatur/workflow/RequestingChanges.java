package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ReviewComment;
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
import java.util.stream.Collectors;

/** Sends the version under review back to its editors, with the reviewer's comments. */
@ApplicationScoped
public class RequestingChanges implements WorkflowStep {

    static final int MAX_COMMENT_LENGTH = 5000;

    private final WorkflowEventRecorder recorder;
    private final Clock clock;

    public RequestingChanges(WorkflowEventRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @Transactional
    public ArticleViews.Saved requestChanges(UUID articleId, Integer version, List<Attempt.ReviewComment> comments,
                                             Actor actor) {
        ArticleAtHand at = ArticleAtHand.locked(articleId, clock);
        List<Attempt.ReviewComment> given = comments == null ? List.of() : comments;
        checkComments(given);
        WorkflowState to = WorkflowGate.require(attempt(at, actor, version, given));
        Transition transition = at.enter(to, actor);
        at.article().submittedAt = null;
        for (Attempt.ReviewComment each : given) {
            ReviewComment comment = new ReviewComment();
            comment.id = UUID.randomUUID();
            comment.articleId = at.article().id;
            comment.versionNo = at.latest().versionNo;
            comment.sectionKey = each.sectionKey();
            comment.text = each.text().strip();
            comment.authorId = actor.id();
            comment.createdAt = at.now();
            comment.persist();
        }
        recorder.record(new WorkflowEvent.ChangesRequested(transition, given));
        return ArticleViews.saved(at.article(), at.latest(), List.of());
    }

    @Override
    public WorkflowAction action() {
        return WorkflowAction.REQUEST_CHANGES;
    }

    @Override
    public Attempt prospect(ArticleAtHand at, Actor actor) {
        return attempt(at, actor, at.latest().versionNo, List.of(new Attempt.ReviewComment(null, "a comment")));
    }

    private static Attempt attempt(ArticleAtHand at, Actor actor, Integer version, List<Attempt.ReviewComment> comments) {
        return at.attempt(WorkflowAction.REQUEST_CHANGES, actor)
                .names(version, null)
                .sectionKeys(at.latest().sections.stream().map(section -> section.key).collect(Collectors.toSet()))
                .comments(comments).build();
    }

    private static void checkComments(List<Attempt.ReviewComment> comments) {
        for (int i = 0; i < comments.size(); i++) {
            Attempt.ReviewComment comment = comments.get(i);
            String field = "comments[" + i + "].text";
            if (comment == null || comment.text() == null || comment.text().isBlank()) {
                throw ProblemException.invalid(field, "is required");
            }
            if (comment.text().length() > MAX_COMMENT_LENGTH) {
                throw ProblemException.invalid(field, "is longer than " + MAX_COMMENT_LENGTH + " characters");
            }
            ControlCharacters.textProblem(comment.text()).ifPresent(problem -> {
                throw ProblemException.invalid(field, problem);
            });
        }
    }
}
