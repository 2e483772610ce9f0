package org.imprimatur.studio;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Citation;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.Section;
import org.imprimatur.checks.CheckSettings;
import org.imprimatur.checks.ClinicalChecks;
import org.imprimatur.checks.Finding;
import org.imprimatur.delivery.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentences that findings concern, marked in the rendered body where the renderer puts them (docs/studio.md, "Checks"). */
class FindingMarksTest {

    private static final Citation TRIAL = new Citation("trial-2016", CitationKind.CLINICAL_TRIAL, "A trial", List.of(),
            null, 2016, "10.1000/t", null, null, null);
    private static final Map<String, Integer> NUMBERS = Map.of("trial-2016", 1);

    /** The body rendered with a mark for each finding the checks make in it. */
    private static String marked(String body) {
        ArticleContent content = new ArticleContent("marks", "Marks", "", "en", List.of(), null, null,
                List.of(new Section("s", "", null, body)), List.of(TRIAL));
        List<FindingMarks.Mark> marks = new ArrayList<>();
        int number = 0;
        for (Finding finding : ClinicalChecks.of(content, CheckSettings.defaults(), LocalDate.of(2026, 12, 1)).findings()) {
            marks.add(new FindingMarks.Mark(finding.start(), finding.end(), ++number));
        }
        return FindingMarks.html(body, marks, NUMBERS);
    }

    private static String withoutMarks(String html) {
        return html.replaceAll("<mark[^>]*>", "").replace("</mark>", "")
                .replaceAll("<a class=\"finding-ref\"[^>]*><span class=\"visually-hidden\">finding </span>\\d+</a>", "");
    }

    @Test
    void aSentenceIsMarkedAndDescribedByItsFindingsMessage() {
        String html = marked("Eczema is common. Studies show it runs in families.");
        assertTrue(html.contains("Eczema is common. <mark id=\"mark-1\" aria-describedby=\"finding-1-message\">"
                + "Studies show it runs in families.</mark><a class=\"finding-ref\" href=\"#finding-1\">"), html);
    }

    @Test
    void findingsOnOneSentenceShareItsMarkAndTheCitationStaysInside() {
        String html = marked("A 2021 review found that 20% of children improve [@trial-2016].");
        assertTrue(html.startsWith("<p><mark id=\"mark-1\""), html);
        assertTrue(html.contains(">1</a>].</mark>"), "the marker belongs to the sentence: " + html);
        assertEquals(1, html.split("<mark ", -1).length - 1, html);
    }

    @Test
    void marksChangeNothingElseInListsHeadingsEmphasisAndLinks() {
        List<String> bodies = List.of(
                "Some facts:\n\n- Studies show soap dries the skin.\n- About 1 in 5 children have it.\n",
                "## Studies show a lot\n\nResearch from 2018 suggests diet matters.",
                "**Studies show** that *1 in 5* children itch. Then they stop.",
                "[Studies show](https://example.org) that 20% improve.",
                "> Experts say 30% of adults are affected.\n",
                "1. Studies show water helps.\n2. Keep nails short.");
        for (String body : bodies) {
            String html = marked(body);
            assertTrue(html.contains("<mark "), "a finding is marked in: " + body + " → " + html);
            assertEquals(MarkdownRenderer.html(body, NUMBERS), withoutMarks(html), body);
            assertTrue(FindingMarks.balanced(html), html);
        }
    }

    @Test
    void aSentenceInsideEmphasisThatRunsOnIsMarkedRunByRun() {
        String body = "*Eczema is common. Studies show* it runs in families. More text.";
        String html = marked(body);
        assertEquals("<p><em>Eczema is common. <mark id=\"mark-1\" aria-describedby=\"finding-1-message\">"
                + "Studies show</mark></em><mark> it runs in families.</mark><a class=\"finding-ref\" href=\"#finding-1\">"
                + "<span class=\"visually-hidden\">finding </span>1</a> More text.</p>", html.strip());
        assertTrue(FindingMarks.balanced(html), html);
    }

    @Test
    void aBodyWithTheSentinelCharactersIsRenderedPlain() {
        String body = "Studies show \uE000 it runs in families.";
        assertEquals(MarkdownRenderer.html(body, NUMBERS), marked(body));
        assertFalse(marked(body).contains("<mark"));
    }

    /** The reference article (../shared/samples), section by section: no finding's sentence goes unmarked. */
    @Test
    @SuppressWarnings("unchecked")
    void everyFindingOfTheSampleArticleIsMarked() {
        List<Citation> sources = new ArrayList<>();
        Map<String, Integer> numbers = new java.util.HashMap<>();
        for (int i = 1; i <= 8; i++) {
            sources.add(new Citation("source-" + i, CitationKind.REVIEW, "Source " + i, List.of(), null, 2021,
                    "10.1000/sample." + i, null, null, null));
            numbers.put("source-" + i, i);
        }
        int findings = 0;
        for (Map<String, Object> section : (List<Map<String, Object>>) org.imprimatur.support.Fixtures.sampleArticle("sample")
                .get("sections")) {
            String body = (String) section.get("body");
            ArticleContent content = new ArticleContent("sample", "Sample", "", "en", List.of(), null, null,
                    List.of(new Section("s", "", null, body)), sources);
            List<FindingMarks.Mark> marks = new ArrayList<>();
            java.util.Set<List<Integer>> sentences = new java.util.HashSet<>();
            for (Finding finding : ClinicalChecks.of(content, CheckSettings.defaults(), LocalDate.of(2026, 12, 1)).findings()) {
                marks.add(new FindingMarks.Mark(finding.start(), finding.end(), ++findings));
                sentences.add(List.of(finding.start(), finding.end()));
            }
            String html = FindingMarks.html(body, marks, numbers);
            assertEquals(sentences.size(), html.split("<mark id=", -1).length - 1, body + " → " + html);
            assertEquals(MarkdownRenderer.html(body, numbers), withoutMarks(html), body);
        }
        assertTrue(findings >= 20, "the sample is full of claims: " + findings);
    }

    @Test
    void balanceIsReadTagByTag() {
        assertTrue(FindingMarks.balanced("a <em>b</em> <br> c"));
        assertFalse(FindingMarks.balanced("a</em> <em>b"));
        assertFalse(FindingMarks.balanced("<strong>a"));
    }
}
