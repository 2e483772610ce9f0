package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/translations.md, decided without a database. */
class TranslationRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String HASH = "a".repeat(64);
    private static final Actor REVIEWER = new Actor(UUID.randomUUID(), "reviewer", "Dr Reviewer", "MD", Set.of(Role.MEDICAL_REVIEWER));

    private static String message(Optional<FieldError> error) {
        return error.map(FieldError::message).orElse(null);
    }

    @Test
    void aTranslationIsIntoAnotherLanguageOfASourceThatIsNoTranslation() {
        assertEquals(Optional.empty(), TranslationRules.newTranslation("es", "en", false));
        assertEquals(Optional.empty(), TranslationRules.newTranslation("en-GB", "en", false));
        assertEquals("the source is written in en-GB: a translation is into another language",
                message(TranslationRules.newTranslation("EN-gb", "en-GB", false)));
        assertEquals("language", TranslationRules.newTranslation(null, "en", false).orElseThrow().field());
        assertEquals("language", TranslationRules.newTranslation(" ", "en", false).orElseThrow().field());
        assertEquals("this article is itself a translation: translate its source instead",
                message(TranslationRules.newTranslation("fr", "es", true)));
    }

    @Test
    void aTranslationMovesForwardToAVersionTheSourceHas() {
        assertEquals(Optional.empty(), TranslationRules.movesTo("translatedFrom", 3, 3, 5, false, false));
        assertEquals(Optional.empty(), TranslationRules.movesTo("translatedFrom", 5, 3, 5, false, false));
        assertEquals("a translation moves forward only: it renders source version 3 and cannot go back to 2",
                message(TranslationRules.movesTo("translatedFrom", 2, 3, 5, false, true)));
        assertEquals("the source has no version 6 (its newest is 5)",
                message(TranslationRules.movesTo("translatedFrom", 6, 3, 5, false, false)));
        assertEquals("the source has no version 0 (its newest is 5)",
                message(TranslationRules.movesTo("translatedFrom", 0, 3, 5, false, false)));
        assertEquals("version", TranslationRules.movesTo("version", 1, 3, 5, false, false).orElseThrow().field());
    }

    @Test
    void onceLiveATranslationRendersPublishedSourceVersionsOnly() {
        assertEquals("source version 4 was never published: a translation that has been live renders published source text only",
                message(TranslationRules.movesTo("translatedFrom", 4, 3, 5, true, false)));
        assertEquals(Optional.empty(), TranslationRules.movesTo("translatedFrom", 4, 3, 5, true, true));
        assertEquals(Optional.empty(), TranslationRules.movesTo("translatedFrom", 4, 3, 5, false, false));
    }

    @Test
    void statusComparesTheLiveTranslationWithTheLiveSource() {
        assertEquals(TranslationStatus.UNTRANSLATED_DRAFT, TranslationRules.status(null, 2, false));
        assertEquals(TranslationStatus.CURRENT, TranslationRules.status(2, 2, false));
        assertEquals(TranslationStatus.CURRENT, TranslationRules.status(3, 2, false));
        assertEquals(TranslationStatus.CURRENT, TranslationRules.status(1, null, false));
        assertEquals(TranslationStatus.OUTDATED, TranslationRules.status(1, 2, false));
        assertEquals(TranslationStatus.SOURCE_RETRACTED, TranslationRules.status(2, null, true));
        assertEquals("untranslated-draft", TranslationStatus.UNTRANSLATED_DRAFT.label());
    }

    @Test
    void aTranslationIsToldOnceWhenItFallsBehind() {
        assertTrue(TranslationRules.becomesOutdated(1, 1, 2));
        assertTrue(TranslationRules.becomesOutdated(1, null, 2));
        assertFalse(TranslationRules.becomesOutdated(1, 2, 3), "outdated already since version 2");
        assertFalse(TranslationRules.becomesOutdated(3, 2, 3), "it renders the new version already");
        assertFalse(TranslationRules.becomesOutdated(null, 1, 2), "nothing of it is live");
    }

    @Test
    void lookupDropsSubtagsFromTheEndUntilATagMatches() {
        List<String> tags = List.of("en", "es", "pt-BR");
        assertEquals(Optional.of("es"), TranslationRules.lookup("es-MX", tags));
        assertEquals(Optional.of("es"), TranslationRules.lookup("ES", tags));
        assertEquals(Optional.of("pt-BR"), TranslationRules.lookup("pt-br", tags));
        assertEquals(Optional.empty(), TranslationRules.lookup("pt", tags), "a range does not match a longer tag");
        assertEquals(Optional.of("en"), TranslationRules.lookup("en-GB-x-a", tags));
        assertEquals(Optional.empty(), TranslationRules.lookup("fr", tags));
    }

    @Test
    void approvingATranslationNamesItAsOne() {
        ReviewerScope english = new ReviewerScope(new TreeSet<>(), List.of("en"));
        Attempt.Builder approval = Attempt.of(WorkflowAction.APPROVE, REVIEWER).article(WorkflowState.IN_REVIEW, 1, HASH, null)
                .authorsOfChange(Set.of(UUID.randomUUID())).names(1, HASH).evidence(Set.of(), Map.of())
                .subject(null, "es").reviewerScope(english).at(NOW);
        Decision.Rejected translation = assertInstanceOf(Decision.Rejected.class, WorkflowRules.decide(approval.translation(true).build()));
        assertEquals("reviewerReadsTheLanguage", translation.rule());
        assertEquals("approving a Spanish translation needs a reviewer who reads Spanish", translation.reason());
        Decision.Rejected article = assertInstanceOf(Decision.Rejected.class, WorkflowRules.decide(approval.translation(false).build()));
        assertEquals("approving an article in Spanish needs a reviewer who reads Spanish", article.reason());
        assertInstanceOf(Decision.Allowed.class, WorkflowRules.decide(approval.translation(true)
                .reviewerScope(new ReviewerScope(new TreeSet<>(), List.of("es"))).build()));
    }
}
