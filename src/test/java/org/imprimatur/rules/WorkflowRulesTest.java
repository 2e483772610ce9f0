package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The workflow rules against the hand-written table, without a database. */
class WorkflowRulesTest {

    /** The rules read the time only from the attempt; any fixed instant will do. */
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static final String HASH = "a".repeat(64);

    static List<TransitionTable.Case> cases() {
        return TransitionTable.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyActionInEveryStateForEveryCaller(TransitionTable.Case expected) {
        Actor actor = actor(expected.caller());
        WorkflowState state = WorkflowState.valueOf(expected.state());
        boolean live = state == WorkflowState.PUBLISHED;
        Attempt attempt = Attempt.of(action(expected.action()), actor)
                .article(state, 2, HASH, live ? 2 : null)
                .authorsOfChange(expected.caller().equals("reviewer-author") ? Set.of(actor.id()) : Set.of(UUID.randomUUID()))
                .sectionKeys(Set.of("intro"))
                .names(2, HASH)
                .comments(List.of(new Attempt.ReviewComment("intro", "Please cite a source.")))
                .reason("Outdated advice")
                .at(NOW).build();

        Decision decision = WorkflowRules.decide(attempt);

        if (expected.status() == 200) {
            Decision.Allowed allowed = assertInstanceOf(Decision.Allowed.class, decision, expected.toString());
            assertEquals(TransitionTable.TARGET.get(expected.action()), allowed.to().name());
        } else {
            Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, decision, expected.toString());
            // an anonymous caller never gets this far over HTTP (401); with no roles the rules refuse it
            int status = expected.status() == 401 ? 403 : expected.status();
            assertEquals(status, rejected.refusal().status(), expected + ": " + rejected);
        }
    }

    @Test
    void approvingWithAFuturePublishAtSchedulesInsteadOfPublishing() {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        Attempt attempt = Attempt.of(WorkflowAction.APPROVE, actor("reviewer"))
                .article(WorkflowState.IN_REVIEW, 3, HASH, 2).names(3, HASH)
                .publishAt(now.plusSeconds(3600)).at(now).build();
        assertEquals(new Decision.Allowed(WorkflowState.APPROVED), WorkflowRules.decide(attempt));
        Attempt past = Attempt.of(WorkflowAction.APPROVE, actor("reviewer"))
                .article(WorkflowState.IN_REVIEW, 3, HASH, 2).names(3, HASH)
                .publishAt(now.minusSeconds(1)).at(now).build();
        assertEquals(new Decision.Allowed(WorkflowState.PUBLISHED), WorkflowRules.decide(past));
    }

    @Test
    void refusalsNameTheirRule() {
        Actor reviewer = actor("reviewer");
        Decision staleHash = WorkflowRules.decide(Attempt.of(WorkflowAction.APPROVE, reviewer)
                .article(WorkflowState.IN_REVIEW, 3, HASH, null).names(3, "b".repeat(64)).at(NOW).build());
        assertEquals("approvalNamesTheVersionUnderReview", ((Decision.Rejected) staleHash).rule());
        Decision ownChange = WorkflowRules.decide(Attempt.of(WorkflowAction.APPROVE, reviewer)
                .article(WorkflowState.IN_REVIEW, 3, HASH, null).names(3, HASH).authorsOfChange(Set.of(reviewer.id())).at(NOW).build());
        assertEquals("reviewerIsNotAnAuthor", ((Decision.Rejected) ownChange).rule());
        Decision dangling = WorkflowRules.decide(Attempt.of(WorkflowAction.SUBMIT, actor("editor"))
                .article(WorkflowState.DRAFT, 1, HASH, null)
                .reviewBlockers(List.of(new FieldError("sections[0].body", "cites [@x]"))).at(NOW).build());
        assertEquals("contentIsReadyForReview", ((Decision.Rejected) dangling).rule());
        Decision liveless = WorkflowRules.decide(Attempt.of(WorkflowAction.RETRACT, reviewer)
                .article(WorkflowState.DRAFT, 1, HASH, null).reason("x").at(NOW).build());
        assertEquals("articleHasALiveVersion", ((Decision.Rejected) liveless).rule());
    }

    @Test
    void anArticleWithALiveVersionAndANewDraftCanBeRetractedAndKeepsItsDraft() {
        Decision decision = WorkflowRules.decide(Attempt.of(WorkflowAction.RETRACT, actor("reviewer"))
                .article(WorkflowState.DRAFT, 3, HASH, 2).reason("Unsafe dosage advice").at(NOW).build());
        assertEquals(new Decision.Allowed(WorkflowState.DRAFT), decision);
    }

    static WorkflowAction action(String name) {
        return WorkflowAction.valueOf(name.toUpperCase().replace('-', '_'));
    }

    static Actor actor(String caller) {
        Set<Role> roles = switch (caller) {
            case "anonymous" -> Set.of();
            case "editor" -> Set.of(Role.EDITOR);
            case "reviewer" -> Set.of(Role.MEDICAL_REVIEWER);
            case "reviewer-author" -> Set.of(Role.EDITOR, Role.MEDICAL_REVIEWER);
            default -> Set.of(Role.ADMIN);
        };
        return new Actor(UUID.randomUUID(), caller, caller, "", roles);
    }
}
