package org.imprimatur.checks;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference article of ../shared/samples, which cites nothing: every sentence that reports
 * research is an {@code uncited-claim}, and no other sentence is.
 */
class SampleArticleTest {

    /** A short fragment unique to each research claim of the sample, in reading order. */
    private static final List<String> RESEARCH_CLAIMS = List.of(
            "a growing body of research has indicated",
            "A 2021 review suggests people with inflammatory skin diseases",
            "The review authors associate dysbiosis",
            "As a 2018 study notes",
            "Research in a 2021 review suggests 15–30%",
            "A 2024 narrative review suggests",
            "The 2021 review also suggests",
            "Research from 2018 indicates",
            "A 2023 literature review suggests",
            "It suggests infants born by vaginal delivery",
            "Researchers believe that changing the composition",
            "A 2022 meta-analysis suggests",
            "A 2021 article associates a diet rich in fiber",
            "but research indicates that the gut may play a role",
            "Some researchers believe that probiotic supplements");

    @Test
    void everyResearchClaimOfTheSampleIsFoundAndNothingElse() {
        CheckReport report = ClinicalChecks.of(SampleArticle.content(List.of()), CheckSettings.defaults(),
                LocalDate.of(2026, 12, 1));
        List<Finding> uncited = report.findings().stream().filter(f -> f.rule() == CheckRule.UNCITED_CLAIM).toList();
        List<String> missing = new ArrayList<>();
        for (String fragment : RESEARCH_CLAIMS) {
            long matching = uncited.stream().filter(finding -> finding.sentence().contains(fragment)).count();
            if (matching != 1) {
                missing.add(fragment);
            }
        }
        List<String> unexpected = uncited.stream().map(Finding::sentence)
                .filter(sentence -> RESEARCH_CLAIMS.stream().noneMatch(sentence::contains)).toList();
        assertEquals(List.of(), missing, "claims not found once each");
        assertEquals(List.of(), unexpected, "sentences found that claim no research");
    }

    @Test
    void eachFindingPointsAtItsSentenceInTheBody() {
        var content = SampleArticle.content(List.of());
        CheckReport report = ClinicalChecks.of(content, CheckSettings.defaults(), LocalDate.of(2026, 12, 1));
        for (Finding finding : report.findings()) {
            String body = content.sections().stream().filter(s -> s.key().equals(finding.sectionKey())).findFirst()
                    .orElseThrow().body();
            assertEquals(finding.sentence(), body.substring(finding.start(), finding.end()).strip(), finding.toString());
        }
    }

    @Test
    void theSampleReadsAboveThePatientTargetInEverySection() {
        CheckReport report = ClinicalChecks.of(SampleArticle.content(List.of()), CheckSettings.defaults(),
                LocalDate.of(2026, 12, 1));
        Readability whole = report.article();
        System.out.printf("Sample: %d sentences, %.1f words per sentence, Flesch–Kincaid %.1f, SMOG %.1f%n",
                whole.sentences(), whole.wordsPerSentence(), whole.fleschKincaidGrade(), whole.smogGrade());
        assertNotNull(whole.smogGrade(), "the sample has more than 30 sentences");
        assertTrue(whole.grade() > CheckSettings.PATIENTS_READING_GRADE, "a consumer article of grade 12 or so");
        assertEquals(report.sections().size(),
                report.findings().stream().filter(f -> f.rule() == CheckRule.READING_LEVEL).count());
    }
}
