package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/workflow.md, "Review scope" and "Evidence", and the accepted findings, decided without a database. */
class ReviewScopeRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String HASH = "a".repeat(64);
    private static final Actor REVIEWER = new Actor(UUID.randomUUID(), "reviewer", "Dr Reviewer", "MD", Set.of(Role.MEDICAL_REVIEWER));
    private static final Set<String> KEYS = Set.of("lee-2021", "kim-2022");
    private static final AcceptedFinding.Place FINDING = new AcceptedFinding.Place("uncited-claim", "intro", 30, 90);

    private static Attempt.Builder approval(Integer live) {
        return Attempt.of(WorkflowAction.APPROVE, REVIEWER).article(WorkflowState.IN_REVIEW, 3, HASH, live)
                .authorsOfChange(Set.of(UUID.randomUUID())).names(3, HASH).at(NOW);
    }

    private static Decision.Rejected refused(Attempt attempt, String rule) {
        Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, WorkflowRules.decide(attempt));
        assertEquals(rule, rejected.rule(), rejected.reason());
        assertEquals(Decision.Refusal.INVALID, rejected.refusal());
        return rejected;
    }

    @Test
    void withNothingLiveAnApprovalIsAFullReviewAndAChangeApprovalIsRefusedNamingTheScope() {
        assertEquals(ReviewScope.FULL, approval(null).build().effectiveScope());
        Decision.Rejected rejected = refused(approval(null).scope(ReviewScope.CHANGE).evidence(KEYS, null).build(),
                "firstPublicationIsAFullReview");
        assertEquals(List.of("scope"), rejected.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void withAVersionLiveAnApprovalWithoutScopeIsAChangeApprovalThatNeedsNoEvidence() {
        Attempt attempt = approval(2).evidence(KEYS, null).build();
        assertEquals(ReviewScope.CHANGE, attempt.effectiveScope());
        assertInstanceOf(Decision.Allowed.class, WorkflowRules.decide(attempt));
    }

    @Test
    void aReconfirmationIsAlwaysAFullReview() {
        Attempt attempt = Attempt.of(WorkflowAction.RECONFIRM, REVIEWER).article(WorkflowState.PUBLISHED, 2, HASH, 2)
                .names(2, HASH).evidence(KEYS, Map.of("lee-2021", "current")).at(NOW).build();
        assertEquals(ReviewScope.FULL, attempt.effectiveScope());
        refused(attempt, "evidenceConfirmsEveryCitation");
    }

    @Test
    void aFullReviewListsEveryMissingUnknownOrUnreadableConfirmation() {
        Decision.Rejected rejected = refused(approval(2).scope(ReviewScope.FULL)
                .evidence(KEYS, Map.of("lee-2021", "yes", "smith-2019", "current")).build(), "evidenceConfirmsEveryCitation");
        assertEquals(List.of("evidence.kim-2022", "evidence.lee-2021", "evidence.smith-2019"),
                rejected.errors().stream().map(FieldError::field).toList());
        assertTrue(rejected.reason().contains("kim-2022 (missing)"), rejected.reason());
    }

    @Test
    void aSourceToReplaceIsRefusedSoTheReviewerRequestsChanges() {
        Decision.Rejected rejected = refused(approval(null)
                .evidence(KEYS, Map.of("lee-2021", "current", "kim-2022", "replace")).build(), "sourcesNeedNoReplacing");
        assertTrue(rejected.reason().startsWith("replace the source first: kim-2022"), rejected.reason());
    }

    @Test
    void completeEvidenceWithEverySourceCurrentAllowsTheFullReview() {
        assertInstanceOf(Decision.Allowed.class, WorkflowRules.decide(approval(null)
                .evidence(KEYS, EvidenceConfirmation.allCurrent(KEYS)).build()));
        assertInstanceOf(Decision.Allowed.class, WorkflowRules.decide(approval(null).evidence(Set.of(), null).build()),
                "a version without sources needs no evidence");
    }

    @Test
    void anAcceptedFindingMustBeCurrentAndGiveAReasonOfAtMost500Characters() {
        Attempt.Builder base = approval(null).evidence(KEYS, EvidenceConfirmation.allCurrent(KEYS));
        refused(base.findings(Set.of(FINDING), List.of(new AcceptedFinding("uncited-claim", "intro", 30, 91, "Known")))
                .build(), "acceptedFindingsAreCurrent");
        refused(base.findings(Set.of(FINDING), List.of(new AcceptedFinding("uncited-claim", "intro", 30, 90, " ")))
                .build(), "acceptedFindingsGiveAReason");
        refused(base.findings(Set.of(FINDING), List.of(new AcceptedFinding("uncited-claim", "intro", 30, 90, "x".repeat(501))))
                .build(), "acceptedFindingsGiveAReason");
        assertInstanceOf(Decision.Allowed.class, WorkflowRules.decide(base.findings(Set.of(FINDING),
                List.of(new AcceptedFinding("uncited-claim", "intro", 30, 90, "x".repeat(500)))).build()));
    }

    @Test
    void evidenceGapsAreEmptyOnlyWhenEveryKeyIsConfirmedAsCurrentOrReplace() {
        assertEquals(List.of(), EvidenceConfirmation.gaps(KEYS, Map.of("lee-2021", "current", "kim-2022", "replace")));
        assertEquals(List.of(new FieldError("evidence.lee-2021", "missing: confirm this source as current, or as one to replace")),
                EvidenceConfirmation.gaps(Set.of("lee-2021"), null));
        assertEquals(List.of(), EvidenceConfirmation.gaps(Set.of(), null));
    }
}
