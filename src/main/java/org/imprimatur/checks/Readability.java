package org.imprimatur.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How hard a text is to read, on the text its reader sees (docs/clinical-checks.md, "Reading
 * level"). {@code smogGrade} is null below 30 sentences, where SMOG is not defined, and
 * {@code note} then says so; {@code fleschKincaidGrade} is given for any text with words.
 */
public record Readability(int sentences, int words, int syllables, int polysyllables, double wordsPerSentence,
                          double fleschKincaidGrade, Double smogGrade, String note,
                          List<HardSentence> hardestSentences) {

    /** McLaughlin's SMOG counts polysyllables in 30 sentences; fewer give no SMOG grade. */
    public static final int SMOG_MINIMUM_SENTENCES = 30;
    public static final int HARDEST_SHOWN = 3;

    /** The grade that decides: SMOG where the text is long enough for it, else Flesch–Kincaid. */
    public double grade() {
        return smogGrade != null ? smogGrade : fleschKincaidGrade;
    }

    /** The formula behind {@link #grade()}. */
    public ReadingFormula formula() {
        return smogGrade != null ? ReadingFormula.SMOG : ReadingFormula.FLESCH_KINCAID;
    }

    public boolean tooShortForSmog() {
        return smogGrade == null;
    }

    static Readability of(List<SentenceFigures> figures) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        int polysyllables = 0;
        for (SentenceFigures sentence : figures) {
            if (sentence.words() > 0) {
                sentences++;
                words += sentence.words();
                syllables += sentence.syllables();
                polysyllables += sentence.polysyllables();
            }
        }
        double wordsPerSentence = sentences == 0 ? 0 : (double) words / sentences;
        double fleschKincaid = fleschKincaid(sentences, words, syllables);
        Double smog = sentences >= SMOG_MINIMUM_SENTENCES ? smog(sentences, polysyllables) : null;
        String note = sentences == 0 ? "no text to read"
                : smog == null ? "too short for SMOG: " + sentences + (sentences == 1 ? " sentence" : " sentences")
                        + ", SMOG needs " + SMOG_MINIMUM_SENTENCES + "; Flesch–Kincaid alone"
                : null;
        return new Readability(sentences, words, syllables, polysyllables, wordsPerSentence, fleschKincaid, smog, note,
                hardest(figures));
    }

    /** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59; 0 without words. */
    static double fleschKincaid(int sentences, int words, int syllables) {
        if (sentences == 0 || words == 0) {
            return 0;
        }
        return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
    }

    /** SMOG grade: 1.0430 × √(polysyllables × 30 / sentences) + 3.1291. */
    static double smog(int sentences, int polysyllables) {
        return 1.0430 * Math.sqrt(polysyllables * (double) SMOG_MINIMUM_SENTENCES / sentences) + 3.1291;
    }

    private static List<HardSentence> hardest(List<SentenceFigures> figures) {
        List<SentenceFigures> ranked = new ArrayList<>();
        for (SentenceFigures sentence : figures) {
            if (sentence.words() > 0) {
                ranked.add(sentence);
            }
        }
        // most syllables first: length and long words together, as both formulas weigh them, so that a
        // one-word list item of long words ("severity") is not taken for a hard sentence; stable, so of
        // equal counts the earlier comes first
        ranked.sort(Comparator.comparingInt(SentenceFigures::syllables).reversed());
        List<HardSentence> hardest = new ArrayList<>(HARDEST_SHOWN);
        for (SentenceFigures sentence : ranked.subList(0, Math.min(HARDEST_SHOWN, ranked.size()))) {
            ReaderSentence s = sentence.sentence();
            hardest.add(new HardSentence(sentence.sectionKey(), s.start(), s.end(), s.text(), sentence.words(),
                    sentence.syllables(), sentence.grade()));
        }
        return List.copyOf(hardest);
    }
}
