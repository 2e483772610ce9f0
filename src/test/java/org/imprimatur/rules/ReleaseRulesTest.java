package org.imprimatur.rules;

import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/releases.md: approving for a release, readiness, and who may do what, decided without a database. */
class ReleaseRulesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final String HASH = "a".repeat(64);
    private static final String OTHER_HASH = "b".repeat(64);
    private static final Actor REVIEWER = actor(Role.MEDICAL_REVIEWER);
    private static final Actor EDITOR = actor(Role.EDITOR);
    private static final Actor ADMIN = actor(Role.ADMIN);

    private static Actor actor(Role role) {
        return new Actor(UUID.randomUUID(), role.tokenName(), "Someone", "", Set.of(role));
    }

    private static Attempt.Builder approvalFor(ReleaseSlot slot) {
        return Attempt.of(WorkflowAction.APPROVE, REVIEWER).article(WorkflowState.IN_REVIEW, 3, HASH, null)
                .authorsOfChange(Set.of(UUID.randomUUID())).names(3, HASH).evidence(Set.of(), Map.of()).release(slot).at(NOW);
    }

    private static Decision.Rejected refused(Attempt attempt, String rule, Decision.Refusal refusal) {
        Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, WorkflowRules.decide(attempt));
        assertEquals(rule, rejected.rule(), rejected.reason());
        assertEquals(refusal, rejected.refusal());
        return rejected;
    }

    @Test
    void anApprovalForAnOpenReleaseNamingItsItemLeavesTheArticleApprovedNotPublished() {
        Decision decision = WorkflowRules.decide(approvalFor(new ReleaseSlot("Guideline", true, 3, HASH)).build());
        assertEquals(WorkflowState.APPROVED, assertInstanceOf(Decision.Allowed.class, decision).to());
    }

    @Test
    void theReleaseMustBeOpenAndHaveTheVersionUnderReviewAsItsItem() {
        refused(approvalFor(new ReleaseSlot("Guideline", false, 3, HASH)).build(), "releaseIsOpen", Decision.Refusal.CONFLICT);
        assertTrue(refused(approvalFor(new ReleaseSlot("Guideline", true, null, null)).build(), "approvalNamesTheReleaseItem",
                Decision.Refusal.CONFLICT).reason().contains("not an item"));
        assertTrue(refused(approvalFor(new ReleaseSlot("Guideline", true, 2, OTHER_HASH)).build(), "approvalNamesTheReleaseItem",
                Decision.Refusal.CONFLICT).reason().contains("version 2"));
    }

    @Test
    void anApprovalForAReleaseNamesNoTimeOfItsOwn() {
        Decision.Rejected rejected = refused(approvalFor(new ReleaseSlot("Guideline", true, 3, HASH))
                .publishAt(NOW.plusSeconds(3600)).build(), "approvalIsForAReleaseOrATime", Decision.Refusal.INVALID);
        assertEquals("publishAt", rejected.errors().get(0).field());
    }

    @Test
    void theUsualRulesStillDecide() {
        // Four-eyes comes after the release's own rules and still refuses the author.
        Attempt own = Attempt.of(WorkflowAction.APPROVE, REVIEWER).article(WorkflowState.IN_REVIEW, 3, HASH, null)
                .authorsOfChange(Set.of(REVIEWER.id())).names(3, HASH).evidence(Set.of(), Map.of())
                .release(new ReleaseSlot("Guideline", true, 3, HASH)).at(NOW).build();
        refused(own, "reviewerIsNotAnAuthor", Decision.Refusal.FORBIDDEN);
        refused(approvalFor(new ReleaseSlot("Guideline", true, 3, HASH)).names(3, OTHER_HASH).build(),
                "approvalNamesTheVersionUnderReview", Decision.Refusal.CONFLICT);
    }

    @Test
    void aSaveIsAllowedWhileWaitingForAReleaseButNotWhileScheduled() {
        Attempt.Builder save = Attempt.of(WorkflowAction.SAVE, EDITOR).article(WorkflowState.APPROVED, 3, HASH, null).at(NOW);
        assertEquals(WorkflowState.DRAFT, assertInstanceOf(Decision.Allowed.class,
                WorkflowRules.decide(save.awaitingRelease(true).build())).to());
        refused(save.awaitingRelease(false).build(), "actionIsAllowedInCurrentState", Decision.Refusal.CONFLICT);
    }

    @Test
    void goingLiveWithAReleaseNeedsTheArticleToWaitForIt() {
        Attempt.Builder publish = Attempt.of(WorkflowAction.PUBLISH_RELEASE, null).article(WorkflowState.APPROVED, 3, HASH, 2).at(NOW);
        assertEquals(WorkflowState.PUBLISHED, assertInstanceOf(Decision.Allowed.class,
                WorkflowRules.decide(publish.awaitingRelease(true).build())).to());
        refused(publish.awaitingRelease(false).build(), "articleAwaitsTheRelease", Decision.Refusal.CONFLICT);
    }

    @Test
    void aRevertLeavesADraftWhenAnOlderVersionIsLiveAgainAndARetractionWhenNothingIs() {
        Attempt.Builder revert = Attempt.of(WorkflowAction.REVERT_RELEASE, REVIEWER).article(WorkflowState.PUBLISHED, 3, HASH, 3).at(NOW);
        assertEquals(WorkflowState.DRAFT, ((Decision.Allowed) WorkflowRules.decide(revert.names(2, OTHER_HASH).build())).to());
        assertEquals(WorkflowState.RETRACTED, ((Decision.Allowed) WorkflowRules.decide(revert.names(null, null).build())).to());
        Attempt drafting = Attempt.of(WorkflowAction.REVERT_RELEASE, REVIEWER).article(WorkflowState.DRAFT, 4, HASH, 3)
                .names(2, OTHER_HASH).at(NOW).build();
        assertEquals(WorkflowState.DRAFT, ((Decision.Allowed) WorkflowRules.decide(drafting)).to());
    }

    @Test
    void anItemIsReadyOnlyWhenItsNewestVersionIsApprovedForTheReleaseAndStillWaits() {
        ReleaseReadiness.Verdict ready = ReleaseReadiness.of(new ReleaseReadiness.Item(3, HASH, 3, WorkflowState.APPROVED, true, HASH));
        assertTrue(ready.ready());
        assertEquals(ItemApproval.APPROVED, ready.approval());
        assertNull(ready.blocker());

        ReleaseReadiness.Verdict newer = ReleaseReadiness.of(new ReleaseReadiness.Item(3, HASH, 4, WorkflowState.DRAFT, false, HASH));
        assertEquals(ItemApproval.NEWER_VERSION_SAVED, newer.approval());
        assertTrue(newer.blocker().startsWith("version 4 was saved after the item's version 3"), newer.blocker());

        assertEquals(ItemApproval.NOT_APPROVED, ReleaseReadiness.of(
                new ReleaseReadiness.Item(3, HASH, 3, WorkflowState.IN_REVIEW, false, null)).approval());
        ReleaseReadiness.Verdict otherHash = ReleaseReadiness.of(new ReleaseReadiness.Item(3, HASH, 3, WorkflowState.APPROVED, true, OTHER_HASH));
        assertEquals(ItemApproval.NOT_APPROVED, otherHash.approval());
        assertEquals(ItemApproval.WITHDRAWN, ReleaseReadiness.of(
                new ReleaseReadiness.Item(3, HASH, 3, WorkflowState.DRAFT, false, HASH)).approval());
    }

    @Test
    void editorsAndAdminsFillReleasesReviewersAndAdminsPublishThem() {
        assertTrue(ReleaseRules.mayEdit(EDITOR).isEmpty());
        assertTrue(ReleaseRules.mayEdit(ADMIN).isEmpty());
        assertEquals("actorHoldsARequiredRole", ReleaseRules.mayEdit(REVIEWER).orElseThrow().rule());
        assertTrue(ReleaseRules.mayPublish(REVIEWER, "publishing").isEmpty());
        assertTrue(ReleaseRules.mayPublish(ADMIN, "publishing").isEmpty());
        assertEquals(Decision.Refusal.FORBIDDEN, ReleaseRules.mayPublish(EDITOR, "publishing").orElseThrow().refusal());
    }
}
