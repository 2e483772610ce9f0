package org.imprimatur.checks;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Citation;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.Section;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code claim-citation-mismatch} and {@code stale-source} (docs/clinical-checks.md, "Evidence checks"). */
class EvidenceRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static final List<Citation> SOURCES = List.of(
            citation("trial-2016", CitationKind.CLINICAL_TRIAL, 2016),
            citation("review-2021", CitationKind.REVIEW, 2021),
            citation("review-2020", CitationKind.REVIEW, 2020),
            citation("sr-2022", CitationKind.SYSTEMATIC_REVIEW, 2022),
            citation("meta-2022", CitationKind.META_ANALYSIS, 2022),
            citation("article-2019", CitationKind.JOURNAL_ARTICLE, 2019),
            citation("article-2020", CitationKind.JOURNAL_ARTICLE, 2020),
            citation("nice-2015", CitationKind.GUIDELINE, 2015),
            citation("old-2009", CitationKind.JOURNAL_ARTICLE, 2009),
            citation("page-undated", CitationKind.WEB_PAGE, null));

    @Test
    void aReviewThatIsReallyAnOlderTrialIsAMismatch() {
        List<Finding> findings = findings("A 2021 review suggests probiotics ease itch [@trial-2016].",
                CheckRule.CLAIM_CITATION_MISMATCH);
        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals("A 2021 review suggests probiotics ease itch.", finding.sentence());
        assertTrue(finding.message().contains("“A 2021 review”"), finding.message());
        assertTrue(finding.message().contains("trial-2016 (clinical trial, 2016)"), finding.message());
        assertEquals(0, finding.start());
    }

    @Test
    void aSourceOfTheNamedYearAndKindMatches() {
        assertEquals(List.of(), findings("A 2021 review suggests probiotics ease itch [@review-2021].",
                CheckRule.CLAIM_CITATION_MISMATCH));
        assertEquals(List.of(), findings("A 2022 meta-analysis found fewer flares [@sr-2022].",
                CheckRule.CLAIM_CITATION_MISMATCH), "a systematic review answers for a meta-analysis");
        assertEquals(List.of(), findings("A 2022 review found fewer flares [@meta-2022].",
                CheckRule.CLAIM_CITATION_MISMATCH), "a meta-analysis is a review");
        assertEquals(List.of(), findings("A 2019 study found fewer flares [@article-2019].",
                CheckRule.CLAIM_CITATION_MISMATCH));
        assertEquals(List.of(), findings("A 2021 review and a 2016 trial agree [@review-2021; @trial-2016].",
                CheckRule.CLAIM_CITATION_MISMATCH), "each named source is among those cited");
        assertEquals(List.of(), findings("A 2021 review of 20 trials found fewer flares [@review-2021].",
                CheckRule.CLAIM_CITATION_MISMATCH), "the trials are what the review read, not the source");
    }

    @Test
    void theKindAloneOrTheYearAloneCanDisagree() {
        assertEquals(1, findings("A 2019 study found fewer flares [@review-2021].",
                CheckRule.CLAIM_CITATION_MISMATCH).size(), "a review is not a study, nor from 2019");
        assertEquals(1, findings("A meta-analysis found fewer flares [@trial-2016].",
                CheckRule.CLAIM_CITATION_MISMATCH).size(), "a trial is not a meta-analysis");
        assertEquals(1, findings("In 2019, researchers found fewer flares [@article-2020].",
                CheckRule.CLAIM_CITATION_MISMATCH).size(), "the year of the research is 2019, the source is of 2020");
        assertEquals(1, findings("A 2020 systematic review found fewer flares [@review-2020].",
                CheckRule.CLAIM_CITATION_MISMATCH).size(), "a narrative review is not systematic");
    }

    @Test
    void aSentenceThatRefersBackIsHeldToTheSourceOfTheClaimItContinues() {
        String body = "A 2020 review found that emollients help [@review-2020]. Dry skin itches. "
                + "The 2021 review also suggests that baths help.";
        List<Finding> mismatches = findings(body, CheckRule.CLAIM_CITATION_MISMATCH);
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertEquals("The 2021 review also suggests that baths help.", mismatches.get(0).sentence());
        assertEquals(List.of(), findings(body, CheckRule.UNCITED_CLAIM), "it rests on the review cited before");
    }

    @Test
    void itSuggestsAfterACitedClaimRestsOnItsSource() {
        String body = "A 2021 review suggests baths help [@review-2021]. It suggests that short baths help most.";
        assertEquals(List.of(), findings(body, CheckRule.UNCITED_CLAIM));
        List<Finding> uncited = findings("A 2021 review suggests baths help. It suggests that short baths help most.",
                CheckRule.UNCITED_CLAIM);
        assertEquals(2, uncited.size(), "neither sentence cites the review");
        assertEquals(List.of(), findings("Eczema can flare in winter. It suggests nothing about diet.",
                CheckRule.UNCITED_CLAIM), "a pronoun after no claim reports nothing");
    }

    @Test
    void anUnknownKeyIsLeftToTheValidator() {
        assertEquals(List.of(), findings("A 2021 review suggests baths help [@nowhere].",
                CheckRule.CLAIM_CITATION_MISMATCH));
    }

    @Test
    void anOldSourceInASectionThatSpeaksOfRecentResearchIsStale() {
        List<Finding> stale = findings("Recent studies suggest that baths help [@old-2009].", CheckRule.STALE_SOURCE);
        assertEquals(1, stale.size(), stale.toString());
        assertTrue(stale.get(0).message().contains("old-2009 (2009)"), stale.get(0).message());
        assertTrue(stale.get(0).message().contains("“Recent studies”"), stale.get(0).message());
    }

    @Test
    void theRecentResearchMayBeNamedInAnotherSentenceOfTheSection() {
        String body = "A growing body of research looks at baths. Baths once a day help [@old-2009].";
        List<Finding> stale = findings(body, CheckRule.STALE_SOURCE);
        assertEquals(1, stale.size(), stale.toString());
        assertEquals("Baths once a day help.", stale.get(0).sentence());
    }

    @Test
    void anOldSourceIsNotStaleWhereNothingIsCalledCurrent() {
        assertEquals(List.of(), findings("Studies suggest that baths help [@old-2009].", CheckRule.STALE_SOURCE));
        assertEquals(List.of(), findings("After a recent infection, baths help [@old-2009].", CheckRule.STALE_SOURCE),
                "a recent infection is not recent research");
    }

    @Test
    void staleMeansOlderThanTheConfiguredAge() {
        String body = "New research shows baths help [@article-2019; @nice-2015; @page-undated].";
        assertEquals(1, findings(body, CheckRule.STALE_SOURCE).size(), "2015 is eleven years before 2026");
        assertTrue(findings(body, CheckRule.STALE_SOURCE).get(0).message().startsWith("Cites nice-2015 (2015), more"),
                "only the guideline of 2015 is older than ten years; an undated page cannot be");
        assertEquals(List.of(), findings("New research shows baths help [@trial-2016].", CheckRule.STALE_SOURCE),
                "2016 is ten years old, not older");
        List<Finding> strict = ClinicalChecks.of(article(body), new CheckSettings(8, 5), TODAY).findings().stream()
                .filter(finding -> finding.rule() == CheckRule.STALE_SOURCE).toList();
        assertEquals(1, strict.size());
        assertTrue(strict.get(0).message().startsWith("Cites article-2019 (2019), nice-2015 (2015), more than 5 years"),
                strict.get(0).message());
    }

    @Test
    void settingsRefuseValuesThatMeanNothing() {
        assertThrows(() -> new CheckSettings(0, 10));
        assertThrows(() -> new CheckSettings(Double.NaN, 10));
        assertThrows(() -> new CheckSettings(8, 0));
        assertEquals(new CheckSettings(8, 10), CheckSettings.defaults());
    }

    private static void assertThrows(Runnable creating) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, creating::run);
    }

    private static List<Finding> findings(String body, CheckRule rule) {
        return ClinicalChecks.of(article(body), CheckSettings.defaults(), TODAY).findings().stream()
                .filter(finding -> finding.rule() == rule).toList();
    }

    private static ArticleContent article(String body) {
        return new ArticleContent("evidence", "Evidence", "", "en", List.of(), null, null,
                List.of(new Section("baths", "Baths", null, body)), SOURCES);
    }

    private static Citation citation(String key, CitationKind kind, Integer year) {
        return new Citation(key, kind, "Title of " + key, List.of("Lee A"), "Journal", year, "10.1000/" + key, null,
                null, null);
    }
}
