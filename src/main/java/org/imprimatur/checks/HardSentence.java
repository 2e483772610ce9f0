package org.imprimatur.checks;

/**
 * One of the hardest sentences of a text: those with the most syllables, where length and long
 * words add up; {@code grade} is the sentence's own Flesch–Kincaid grade (docs/clinical-checks.md,
 * "Reading level").
 */
public record HardSentence(String sectionKey, int start, int end, String text, int words, int syllables,
                           double grade) {
}
