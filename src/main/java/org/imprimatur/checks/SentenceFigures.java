package org.imprimatur.checks;

import org.imprimatur.checks.Words.Word;

/** The counts of one sentence that the reading-level formulas add up. */
record SentenceFigures(String sectionKey, ReaderSentence sentence, int words, int syllables, int polysyllables) {

    /** A word of three syllables or more, as SMOG counts them. */
    static final int POLYSYLLABLE = 3;

    static SentenceFigures of(String sectionKey, ReaderSentence sentence) {
        int words = 0;
        int syllables = 0;
        int polysyllables = 0;
        for (Word word : Words.of(sentence.text())) {
            int count = Syllables.inWord(word.text());
            words++;
            syllables += count;
            if (count >= POLYSYLLABLE) {
                polysyllables++;
            }
        }
        return new SentenceFigures(sectionKey, sentence, words, syllables, polysyllables);
    }

    /** The sentence's own Flesch–Kincaid grade, shown beside it among the hardest. */
    double grade() {
        return Readability.fleschKincaid(1, words, syllables);
    }
}
