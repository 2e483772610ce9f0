package org.imprimatur.checks;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Citation;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.Section;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The entry point: one report per article, findings in reading order, any body of the allowed size read in one pass. */
class ClinicalChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void findingsComeInTheOrderOfSectionsAndSentences() {
        Citation trial = new Citation("trial-2016", CitationKind.CLINICAL_TRIAL, "A trial", List.of(), null, 2016,
                "10.1000/t", null, null, null);
        ArticleContent content = new ArticleContent("order", "Order", "", "en", List.of(), null, null, List.of(
                new Section("first", "", null, "Eczema is common. Studies show it runs in families."),
                new Section("second", "Causes", null, "A 2021 review suggests soap is a trigger [@trial-2016]. "
                        + "About 1 in 5 children have it.")), List.of(trial));
        List<Finding> findings = ClinicalChecks.of(content, CheckSettings.defaults(), TODAY).findings();
        assertEquals(List.of("first uncited-claim Studies show it runs in families.",
                        "second claim-citation-mismatch A 2021 review suggests soap is a trigger.",
                        "second uncited-claim About 1 in 5 children have it."),
                findings.stream().map(f -> f.sectionKey() + " " + f.rule().wireName() + " " + f.sentence()).toList());
        assertEquals(List.of("first", "second"), ClinicalChecks.of(content, CheckSettings.defaults(), TODAY).sections()
                .stream().map(SectionReadability::sectionKey).toList());
    }

    @Test
    void ruleNamesAreTheWireNames() {
        assertEquals(List.of("uncited-claim", "claim-citation-mismatch", "stale-source", "reading-level"),
                List.of(CheckRule.values()).stream().map(CheckRule::wireName).toList());
        assertEquals(CheckRule.STALE_SOURCE, CheckRule.fromWireName("stale-source").orElseThrow());
    }

    /** Bodies of up to 100,000 characters built to trip a quadratic walk or a deep recursion. */
    @Test
    void pathologicalBodiesAreReadInOnePass() {
        List<String> bodies = List.of("anti".repeat(25_000), "a".repeat(100_000), "[@".repeat(50_000),
                "&amp;".repeat(20_000), "*a ".repeat(33_000), "e.g.".repeat(25_000) + " X", "review 2021 ".repeat(8_000),
                "Studies show ".repeat(8_000), "- a\n".repeat(25_000), "1.1.1".repeat(20_000), "a. ".repeat(33_000));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String body : bodies) {
                ArticleContent content = new ArticleContent("big", "Big", "", "en", List.of(), null, null,
                        List.of(new Section("big", "", null, body)), List.of());
                ClinicalChecks.of(content, CheckSettings.defaults(), TODAY);
            }
        });
    }
}
