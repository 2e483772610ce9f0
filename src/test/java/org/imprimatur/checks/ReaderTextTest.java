package org.imprimatur.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reader sees of a body, and where each sentence stands in it (docs/clinical-checks.md, "What readers see"). */
class ReaderTextTest {

    @Test
    void markdownSyntaxLinkAddressesImagesAndCodeAreNotRead() {
        String body = "Eczema is *itchy* and **dry**. See [the NHS page](https://www.nhs.uk/eczema) for more.\n\n"
                + "![A rash](/img/rash.png)\n\n```\nnot = prose();\n```\n\nRun `npm test` daily.";
        assertEquals(List.of("Eczema is itchy and dry.", "See the NHS page for more.", "Run daily."), texts(body));
    }

    @Test
    void eachSentenceKnowsItsRangeInTheBodyAsWritten() {
        String body = "First *one* here. Second [@lee-2021] one.\n\nThird &amp; last.";
        List<ReaderSentence> sentences = ReaderText.sentencesOf(body);
        assertEquals(3, sentences.size());
        assertEquals("First *one* here.", slice(body, sentences.get(0)));
        assertEquals("Second [@lee-2021] one.", slice(body, sentences.get(1)));
        assertEquals("Third &amp; last.", slice(body, sentences.get(2)));
        assertEquals("Third & last.", sentences.get(2).text());
    }

    @Test
    void aMarkerBelongsToTheSentenceItSitsInOrRightAfter() {
        String body = "Dry skin is common [@lee-2021]. Itch is worse at night. [@kim-2022; @ono-2020] Cool rooms help.";
        List<ReaderSentence> sentences = ReaderText.sentencesOf(body);
        assertEquals(List.of("Dry skin is common.", "Itch is worse at night.", "Cool rooms help."),
                sentences.stream().map(ReaderSentence::text).toList());
        assertEquals(List.of("lee-2021"), sentences.get(0).citationKeys());
        assertEquals(List.of("kim-2022", "ono-2020"), sentences.get(1).citationKeys());
        assertEquals(List.of(), sentences.get(2).citationKeys());
        assertEquals("Itch is worse at night. [@kim-2022; @ono-2020]", slice(body, sentences.get(1)),
                "the range takes in the marker after the sentence");
    }

    @Test
    void aParagraphOfMarkersAloneCitesForTheSentenceBefore() {
        List<ReaderSentence> sentences = ReaderText.sentencesOf("Around 20% of children have eczema.\n\n[@lee-2021]");
        assertEquals(1, sentences.size());
        assertEquals(List.of("lee-2021"), sentences.get(0).citationKeys());
    }

    @Test
    void listItemsAndHeadingsAreSentencesOfTheirOwn() {
        String body = "## Triggers\n\nCommon triggers include:\n\n- soap\n- wool and heat\n- stress. It can make itch worse\n";
        List<ReaderSentence> sentences = ReaderText.sentencesOf(body);
        assertEquals(List.of("Triggers", "Common triggers include:", "soap", "wool and heat", "stress.",
                "It can make itch worse"), sentences.stream().map(ReaderSentence::text).toList());
        assertTrue(sentences.get(0).heading());
        assertFalse(sentences.get(1).heading());
        assertEquals("wool and heat", slice(body, sentences.get(3)));
    }

    @Test
    void abbreviationsDecimalsAndRangesEndNoSentence() {
        assertEquals(List.of("Dr. Lee et al. found that 2.5 mg was enough, i.e. a low dose.", "Doses vs. placebo differed."),
                texts("Dr. Lee et al. found that 2.5 mg was enough, i.e. a low dose. Doses vs. placebo differed."));
        assertEquals(List.of("About 15–30% of children (e.g. Ana) have it.", "Adults have it less."),
                texts("About 15–30% of children (e.g. Ana) have it. Adults have it less."));
        assertEquals(List.of("See No. 5 on the list.", "The answer is no.", "Eczema is not catching."),
                texts("See No. 5 on the list. The answer is no. Eczema is not catching."));
    }

    @Test
    void aSentenceEndsAtAQuestionOrExclamationAndAfterAClosingQuote() {
        assertEquals(List.of("Is it eczema?", "Ask a pharmacist!", "She said “use it daily.”", "Then stop."),
                texts("Is it eczema? Ask a pharmacist! She said “use it daily.” Then stop."));
    }

    @Test
    void aPointBeforeALowerCaseWordEndsNothing() {
        assertEquals(List.of("Use approx. two fingertips of cream."), texts("Use approx. two fingertips of cream."));
        assertEquals(List.of("It eases itch etc. and then fades."), texts("It eases itch etc. and then fades."));
    }

    @Test
    void quotesAndListsInsideEachOtherAreReadInOrder() {
        String body = "> Quoted first.\n>\n> - a quoted item\n>   1. a numbered one inside\n\nAfter the quote.";
        assertEquals(List.of("Quoted first.", "a quoted item", "a numbered one inside", "After the quote."), texts(body));
    }

    private static List<String> texts(String body) {
        return ReaderText.sentencesOf(body).stream().map(ReaderSentence::text).toList();
    }

    private static String slice(String body, ReaderSentence sentence) {
        return body.substring(sentence.start(), sentence.end());
    }
}
