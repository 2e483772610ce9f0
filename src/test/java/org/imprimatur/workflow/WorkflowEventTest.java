package org.imprimatur.workflow;

import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What each workflow event writes to the audit trail and the outbox (docs/integration.md), without a database. */
class WorkflowEventTest {

    private static final UUID ARTICLE = UUID.fromString("7d1f0c52-0000-4000-8000-000000000001");
    private static final Instant NOW = Instant.parse("2026-12-02T10:15:30Z");
    private static final Instant LATER = Instant.parse("2026-12-03T08:00:00Z");
    private static final String URL = "https://health.example/api/v1/articles/eczema";

    private static Transition transition(WorkflowState from, WorkflowState to) {
        return new Transition(ARTICLE, "eczema", 4, "sha256:abc", from, to,
                new Actor(UUID.randomUUID(), "rivera", "Dr Rivera", "MD", java.util.Set.of()), NOW);
    }

    private static List<String> types(WorkflowEvent event) {
        return event.announcements(URL).stream().map(announcement -> announcement.type().wireName()).toList();
    }

    @Test
    void anApprovalThatGoesLiveAtOnceIsAnnouncedAsApprovedThenPublishedWithItsAddress() {
        var approved = new WorkflowEvent.ArticleApproved(transition(WorkflowState.IN_REVIEW, WorkflowState.PUBLISHED), null,
                null, null, null, "reviewer role granted by admin on 2026-11-30");
        assertEquals(List.of("approved", "published"), types(approved));
        assertEquals(Map.of("url", URL), approved.announcements(URL).get(1).extra());
        assertEquals("PUBLISHED", approved.announcements(URL).get(0).facts().state());
        assertEquals("Reviewer role granted by admin on 2026-11-30", approved.auditComment());
        assertEquals(WorkflowAction.APPROVE, approved.action());
    }

    @Test
    void aScheduledApprovalIsAnnouncedAsApprovedThenScheduledForItsInstant() {
        var approved = new WorkflowEvent.ArticleApproved(transition(WorkflowState.IN_REVIEW, WorkflowState.APPROVED), LATER, null, null, null, null);
        assertEquals(List.of("approved", "scheduled"), types(approved));
        assertEquals(Map.of("publishAt", LATER.toString()), approved.announcements(URL).get(1).extra());
        assertEquals("Scheduled to go live at " + LATER, approved.auditComment());
    }

    @Test
    void theReviewComesFirstThenTheSchedulingSentenceThenTheStanding() {
        var approved = new WorkflowEvent.ArticleApproved(transition(WorkflowState.IN_REVIEW, WorkflowState.APPROVED), LATER, null, null,
                "Full review; sources confirmed current: lee-2021", "credentials \"MD\" set by admin on 2026-12-01");
        assertEquals("Full review; sources confirmed current: lee-2021. Scheduled to go live at " + LATER
                + ". Credentials \"MD\" set by admin on 2026-12-01", approved.auditComment());
    }

    @Test
    void aRetractionNamesTheVersionItTookOfflineNotTheNewestOne() {
        var retracted = new WorkflowEvent.ArticleRetracted(transition(WorkflowState.PUBLISHED, WorkflowState.RETRACTED),
                3, "sha256:live", "Dose guidance withdrawn");
        var announcement = retracted.announcements(URL).get(0);
        assertEquals(List.of("retracted"), types(retracted));
        assertEquals(3, announcement.facts().version());
        assertEquals("sha256:live", announcement.facts().contentHash());
        assertEquals(Map.of("reason", "Dose guidance withdrawn"), announcement.extra());
        assertEquals(3, retracted.auditedVersion());
        assertEquals("Dose guidance withdrawn", retracted.auditComment());
    }

    @Test
    void requestedChangesAreSummedUpOnePerLineWithTheirSection() {
        var requested = new WorkflowEvent.ChangesRequested(transition(WorkflowState.IN_REVIEW, WorkflowState.CHANGES_REQUESTED),
                List.of(new Attempt.ReviewComment(null, " Check the dose. "), new Attempt.ReviewComment("warnings", "Cite NICE.")));
        assertEquals("Check the dose.\n[warnings] Cite NICE.", requested.auditComment());
        assertEquals(List.of("changes-requested"), types(requested));
        assertEquals(4, requested.auditedVersion());
    }

    @Test
    void aWithdrawalSaysWhichPublicationItCancelledIfAny() {
        assertNull(new WorkflowEvent.ArticleWithdrawn(transition(WorkflowState.IN_REVIEW, WorkflowState.DRAFT), null, null).auditComment());
        assertEquals("Cancelled the publication scheduled for " + LATER,
                new WorkflowEvent.ArticleWithdrawn(transition(WorkflowState.APPROVED, WorkflowState.DRAFT), LATER, null).auditComment());
    }

    @Test
    void aScheduledPublicationIsAnnouncedAsPublishedAndRecordedByTheScheduler() {
        var published = new WorkflowEvent.ArticlePublished(transition(WorkflowState.APPROVED, WorkflowState.PUBLISHED), LATER);
        assertEquals(List.of("published"), types(published));
        assertEquals("Went live as scheduled for " + LATER, published.auditComment());
        assertEquals(WorkflowAction.PUBLISH_SCHEDULED, published.action());
    }
}
