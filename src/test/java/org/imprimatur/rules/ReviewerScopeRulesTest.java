package org.imprimatur.rules;

import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/workflow.md, "Reviewer scope", decided without a database. */
class ReviewerScopeRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String HASH = "a".repeat(64);
    private static final Actor REVIEWER = new Actor(UUID.randomUUID(), "reviewer", "Dr Reviewer", "MD", Set.of(Role.MEDICAL_REVIEWER));

    private static ReviewerScope scope(Set<String> specialties, String... languages) {
        return new ReviewerScope(new TreeSet<>(specialties), List.of(languages));
    }

    private static Attempt approval(String specialty, String language, ReviewerScope reviewer) {
        return Attempt.of(WorkflowAction.APPROVE, REVIEWER).article(WorkflowState.IN_REVIEW, 1, HASH, null)
                .authorsOfChange(Set.of(UUID.randomUUID())).names(1, HASH).evidence(Set.of(), Map.of())
                .subject(specialty, language).reviewerScope(reviewer).at(NOW).build();
    }

    private static Attempt reconfirmation(String specialty, String language, ReviewerScope reviewer) {
        return Attempt.of(WorkflowAction.RECONFIRM, REVIEWER).article(WorkflowState.PUBLISHED, 2, HASH, 2)
                .authorsOfChange(Set.of(UUID.randomUUID())).names(2, HASH).evidence(Set.of(), Map.of())
                .subject(specialty, language).reviewerScope(reviewer).at(NOW).build();
    }

    private static Decision.Rejected refused(Attempt attempt, String rule) {
        Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, WorkflowRules.decide(attempt));
        assertEquals(rule, rejected.rule(), rejected.reason());
        assertEquals(Decision.Refusal.FORBIDDEN, rejected.refusal());
        return rejected;
    }

    @Test
    void aReviewerOfAnotherSpecialtyIsRefusedAndToldWhy() {
        Decision.Rejected rejected = refused(approval("dermatology", "en", scope(Set.of("cardiology"), "en")),
                "reviewerCoversTheSpecialty");
        assertEquals("approving a dermatology article needs a reviewer of dermatology", rejected.reason());
        assertEquals("reconfirming a dermatology article needs a reviewer of dermatology",
                refused(reconfirmation("dermatology", "en", scope(Set.of(), "en")), "reviewerCoversTheSpecialty").reason());
    }

    @Test
    void aReviewerOfTheSpecialtyMayApproveAndAnArticleWithoutOneAnyReviewer() {
        assertInstanceOf(Decision.Allowed.class,
                WorkflowRules.decide(approval("dermatology", "en", scope(Set.of("cardiology", "dermatology"), "en"))));
        assertInstanceOf(Decision.Allowed.class, WorkflowRules.decide(approval(null, "en", scope(Set.of(), "en"))));
        assertInstanceOf(Decision.Allowed.class,
                WorkflowRules.decide(reconfirmation("dermatology", "en", scope(Set.of("dermatology"), "en"))));
    }

    @Test
    void aReviewerWhoDoesNotReadTheLanguageIsRefusedNamingItInEnglish() {
        Decision.Rejected rejected = refused(approval(null, "es", scope(Set.of(), "en")), "reviewerReadsTheLanguage");
        assertEquals("approving an article in Spanish needs a reviewer who reads Spanish", rejected.reason());
        assertEquals("reconfirming an article in Spanish (Mexico) needs a reviewer who reads Spanish (Mexico)",
                refused(reconfirmation(null, "es-MX", scope(Set.of(), "en", "es-ES")), "reviewerReadsTheLanguage").reason());
    }

    @Test
    void theSpecialtyIsCheckedBeforeTheLanguage() {
        refused(approval("dermatology", "es", scope(Set.of(), "en")), "reviewerCoversTheSpecialty");
    }

    @Test
    void withoutTheReviewersScopeOnlyAnArticleWithNeitherSpecialtyNorLanguageCanBeCertified() {
        refused(approval("dermatology", null, null), "reviewerCoversTheSpecialty");
        refused(approval(null, "en", null), "reviewerReadsTheLanguage");
        assertInstanceOf(Decision.Allowed.class, WorkflowRules.decide(approval(null, null, null)));
    }

    @Test
    void aTagCoversItselfAndLongerTagsByBasicFiltering() {
        assertTrue(scope(Set.of(), "es").readsLanguage("es-MX"));
        assertTrue(scope(Set.of(), "es").readsLanguage("ES"));
        assertTrue(scope(Set.of(), "zh-Hant").readsLanguage("zh-Hant-TW"));
        assertFalse(scope(Set.of(), "es-MX").readsLanguage("es"));
        assertFalse(scope(Set.of(), "es-MX").readsLanguage("es-ES"));
        // A prefix of letters is not a prefix of subtags.
        assertFalse(scope(Set.of(), "e").readsLanguage("es"));
        assertFalse(scope(Set.of(), "en").readsLanguage("eng"));
    }

    @Test
    void theScopeInWords() {
        assertEquals("specialties dermatology, oncology; languages en, es",
                scope(Set.of("oncology", "dermatology"), "en", "es").describe());
        assertEquals("specialties none; languages en", scope(Set.of(), "en").describe());
        assertEquals("Spanish", ReviewerScope.languageName("es"));
        assertEquals("qqq", ReviewerScope.languageName("qqq"));
    }
}
