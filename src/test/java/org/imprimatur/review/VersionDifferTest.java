package org.imprimatur.review;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Citation;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.Section;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionDifferTest {

    private static final Citation LEE = new Citation("lee-2021", CitationKind.REVIEW, "Gut and skin", List.of("Lee A"), "J Skin",
            2021, "10.1000/lee", null, null, null);
    private static final Citation KIM = new Citation("kim-2022", CitationKind.META_ANALYSIS, "Probiotics", List.of("Kim B"), "J Gut",
            2022, "10.1000/kim", null, null, null);

    @Test
    void twoUnrelatedHundredThousandCharacterBodiesFallBackToACoarseExactDiff() {
        String before = words("alpha", 100_000);
        String after = words("omega", 100_000);
        List<VersionDiffer.Segment> segments = VersionDiffer.words("Intro. " + before + " Outro.", "Intro. " + after + " Outro.");
        // Exact either way: the old text and the new text are what the segments spell out.
        assertEquals("Intro. " + before + " Outro.", join(segments, VersionDiffer.SegmentOp.INSERT));
        assertEquals("Intro. " + after + " Outro.", join(segments, VersionDiffer.SegmentOp.DELETE));
        // One removed and one added stretch: a word-level search would have matched the spaces between
        // the words and interleaved thousands of segments, at a cost of billions of steps.
        assertEquals(List.of(VersionDiffer.SegmentOp.EQUAL, VersionDiffer.SegmentOp.DELETE, VersionDiffer.SegmentOp.INSERT,
                VersionDiffer.SegmentOp.EQUAL), segments.stream().map(VersionDiffer.Segment::op).toList());
    }

    @Test
    void smallChangesInsideLongTextsStayWordLevel() {
        String common = words("common", 50_000);
        List<VersionDiffer.Segment> segments = VersionDiffer.words(common + " the old word " + common,
                common + " the new word " + common);
        assertEquals(List.of(VersionDiffer.SegmentOp.EQUAL, VersionDiffer.SegmentOp.DELETE, VersionDiffer.SegmentOp.INSERT,
                VersionDiffer.SegmentOp.EQUAL), segments.stream().map(VersionDiffer.Segment::op).toList());
        assertEquals("old", segments.get(1).text());
        assertEquals("new", segments.get(2).text());
    }

    private static String words(String stem, int characters) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < characters; i++) {
            text.append(i == 0 ? "" : " ").append(stem).append(i);
        }
        return text.toString();
    }

    @Test
    void sectionsAreMatchedByKeyAndClassified() {
        ArticleContent before = content(List.of(
                section("intro", "Eczema is common."), section("causes", "Genes matter."),
                section("diet", "Eat fibre."), section("old", "Obsolete advice.")), List.of(LEE, KIM));
        ArticleContent after = content(List.of(
                section("intro", "Eczema is very common."), section("diet", "Eat fibre."),
                section("causes", "Genes matter."), section("new", "Fresh advice.")),
                List.of(new Citation("lee-2021", CitationKind.REVIEW, "Gut and skin", List.of("Lee A"), "J Skin", 2021,
                        "10.1000/lee.v2", null, null, null), new Citation("park-2024", CitationKind.GUIDELINE, "Guideline",
                        List.of(), null, 2024, null, null, "https://example.org/g", null)));

        VersionDiffer.VersionDiff diff = VersionDiffer.diff(1, before, 2, after);
        Map<String, String> changes = diff.sections().stream()
                .collect(Collectors.toMap(VersionDiffer.SectionChange::key, change -> change.change().label()));

        assertEquals("changed", changes.get("intro"));
        assertEquals("added", changes.get("new"));
        assertEquals("removed", changes.get("old"));
        // one of diet/causes left the common order; the other kept its place
        assertEquals(1, changes.values().stream().filter("moved"::equals).count());
        assertEquals(List.of("park-2024"), diff.citations().added().stream().map(Citation::key).toList());
        assertEquals(List.of("kim-2022"), diff.citations().removed().stream().map(Citation::key).toList());
        assertEquals(List.of(VersionDiffer.CitationField.DOI), diff.citations().changed().get(0).fields());
    }

    @Test
    void wordDiffMarksOnlyTheChangedWordsAndJoinsBackIntoBothTexts() {
        List<VersionDiffer.Segment> segments = VersionDiffer.words("Eczema is common in children.",
                "Eczema is very common in young children.");
        assertEquals(List.of(
                new VersionDiffer.Segment(VersionDiffer.SegmentOp.EQUAL, "Eczema is "),
                new VersionDiffer.Segment(VersionDiffer.SegmentOp.INSERT, "very "),
                new VersionDiffer.Segment(VersionDiffer.SegmentOp.EQUAL, "common in "),
                new VersionDiffer.Segment(VersionDiffer.SegmentOp.INSERT, "young "),
                new VersionDiffer.Segment(VersionDiffer.SegmentOp.EQUAL, "children.")), segments);
        assertEquals("Eczema is common in children.", join(segments, VersionDiffer.SegmentOp.INSERT));
        assertEquals("Eczema is very common in young children.", join(segments, VersionDiffer.SegmentOp.DELETE));
    }

    /** A diff names each changed field of a citation as the citation's JSON does: every field but the key. */
    @Test
    void citationFieldsAreTheFieldsOfACitation() {
        assertEquals(java.util.Arrays.stream(Citation.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                        .filter(name -> !name.equals("key")).toList(),
                java.util.Arrays.stream(VersionDiffer.CitationField.values()).map(VersionDiffer.CitationField::label).toList());
    }

    private static String join(List<VersionDiffer.Segment> segments, VersionDiffer.SegmentOp skippedOp) {
        return segments.stream().filter(s -> s.op() != skippedOp).map(VersionDiffer.Segment::text)
                .collect(Collectors.joining());
    }

    private static Section section(String key, String body) {
        return new Section(key, key.toUpperCase(), null, body);
    }

    private static ArticleContent content(List<Section> sections, List<Citation> citations) {
        return new ArticleContent("slug", "Title", "", "en", List.of(), 12, "", sections, citations);
    }

}
