package org.imprimatur.checks;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Section;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading level on passages whose figures were worked out by hand (docs/clinical-checks.md,
 * "Reading level"): FK = 0.39 × words/sentences + 11.8 × syllables/words − 15.59,
 * SMOG = 1.0430 × √(polysyllables × 30 / sentences) + 3.1291.
 */
class ReadabilityTest {

    private static final double CLOSE = 1e-9;
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aShortPassageGetsFleschKincaidAloneAndSaysWhy() {
        // The(1) cat(1) sat(1) on(1) the(1) mat(1). It(1) was(1) a(1) sun-ny(2) day(1).
        Readability readability = section("The cat sat on the mat. It was a sunny day.");
        assertEquals(2, readability.sentences());
        assertEquals(11, readability.words());
        assertEquals(12, readability.syllables());
        assertEquals(5.5, readability.wordsPerSentence(), CLOSE);
        assertEquals(0.39 * 5.5 + 11.8 * 12 / 11 - 15.59, readability.fleschKincaidGrade(), CLOSE); // −0.572…
        assertNull(readability.smogGrade());
        assertTrue(readability.tooShortForSmog());
        assertEquals("too short for SMOG: 2 sentences, SMOG needs 30; Flesch–Kincaid alone", readability.note());
        assertEquals(ReadingFormula.FLESCH_KINCAID, readability.formula());
    }

    @Test
    void markersMarkdownHeadingsAndListsAreCountedAsTheReaderSeesThem() {
        // heading left out; Ec-ze-ma(3) makes(1) skin(1) itch-y(2). Mois-tur-is-ers(4) help(1). Use(1) them(1) dai-ly(2).
        Readability readability = section("## Itchy skin\n\nEczema **makes** skin itchy [@lee-2021]. "
                + "[Moisturisers](https://example.org/m) help.\n\n- Use them daily.\n");
        assertEquals(3, readability.sentences());
        assertEquals(9, readability.words());
        assertEquals(16, readability.syllables());
        assertEquals(2, readability.polysyllables());
        assertEquals(0.39 * 3 + 11.8 * 16 / 9 - 15.59, readability.fleschKincaidGrade(), CLOSE); // 6.557…
    }

    @Test
    void thirtySentencesGiveASmogGrade() {
        // 30 × Ec-ze-ma(3) makes(1) skin(1) itch-y(2): 120 words, 210 syllables, 30 polysyllables
        Readability readability = section("Eczema makes skin itchy. ".repeat(30));
        assertEquals(30, readability.sentences());
        assertEquals(30, readability.polysyllables());
        assertEquals(1.0430 * Math.sqrt(30.0 * 30 / 30) + 3.1291, readability.smogGrade(), CLOSE); // 8.841…
        assertEquals(0.39 * 4 + 11.8 * 210 / 120 - 15.59, readability.fleschKincaidGrade(), CLOSE); // 6.62
        assertNull(readability.note());
        assertEquals(ReadingFormula.SMOG, readability.formula());
        assertNull(section("Eczema makes skin itchy. ".repeat(29)).smogGrade(), "29 sentences are too few");
    }

    @Test
    void theWholeArticleAddsUpItsSections() {
        ArticleContent content = article(new Section("a", "", null, "The cat sat on the mat. It was a sunny day."),
                new Section("b", "Skin", null, "Eczema makes skin itchy. Moisturisers help. Use them daily."));
        Readability whole = ClinicalChecks.of(content, CheckSettings.defaults(), TODAY).article();
        assertEquals(5, whole.sentences());
        assertEquals(20, whole.words());
        assertEquals(28, whole.syllables());
        assertEquals(0.39 * 4 + 11.8 * 28 / 20 - 15.59, whole.fleschKincaidGrade(), CLOSE); // 2.49
    }

    @Test
    void theHardestSentencesAreThoseWithTheMostSyllables() {
        Readability readability = section("Use it. Apply moisturiser to inflamed skin every morning. "
                + "Corticosteroid creams reduce inflammation. Severity.\n\n- Wash gently with lukewarm water.");
        List<String> hardest = readability.hardestSentences().stream().map(HardSentence::text).toList();
        // ap-ply mois-tur-is-er to in-flamed skin ev-ery mor-ning: 14; cor-ti-co-ste-roid creams re-duce
        // in-flam-ma-tion: 12; wash gent-ly with luke-warm wa-ter: 8; "Severity." has 4, however long its word
        assertEquals(List.of("Apply moisturiser to inflamed skin every morning.", "Corticosteroid creams reduce inflammation.",
                "Wash gently with lukewarm water."), hardest);
        HardSentence first = readability.hardestSentences().get(0);
        assertEquals(7, first.words());
        assertEquals(14, first.syllables());
    }

    @Test
    void aSectionOverTheTargetIsAFindingAtItsHardestSentence() {
        ArticleContent content = article(new Section("skin", "Skin", null, "Eczema makes skin itchy. ".repeat(30)),
                new Section("cat", "", null, "The cat sat on the mat."));
        List<Finding> findings = ClinicalChecks.of(content, CheckSettings.defaults(), TODAY).findings();
        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(CheckRule.READING_LEVEL, finding.rule());
        assertEquals("skin", finding.sectionKey());
        assertEquals("Eczema makes skin itchy.", finding.sentence());
        assertEquals(0, finding.start());
        assertEquals("This section reads at US grade 8.8 (SMOG), above the target of 8: shorten long sentences and use"
                + " shorter words, starting with this one, its hardest.", finding.message());
        assertEquals(List.of(), ClinicalChecks.of(content, new CheckSettings(9, 10), TODAY).findings(),
                "a target of 9 holds it");
    }

    @Test
    void aSectionWithoutProseHasNoFiguresAndNoFinding() {
        ArticleContent content = article(new Section("image", "", null, "![A rash](/img/rash.png)"));
        CheckReport report = ClinicalChecks.of(content, CheckSettings.defaults(), TODAY);
        assertEquals(0, report.sections().get(0).readability().sentences());
        assertEquals("no text to read", report.sections().get(0).readability().note());
        assertEquals(List.of(), report.findings());
    }

    private static Readability section(String body) {
        return ClinicalChecks.of(article(new Section("s", "", null, body)), CheckSettings.defaults(), TODAY)
                .sections().get(0).readability();
    }

    private static ArticleContent article(Section... sections) {
        return new ArticleContent("readability", "Readability", "", "en", List.of(), null, null, List.of(sections),
                List.of());
    }
}
