package org.imprimatur.checks;

/**
 * What a check found in one sentence: the sentence as the reader sees it, where it stands in the
 * body of section {@code sectionKey} as written ({@code [start, end)}), and what to do about it.
 */
public record Finding(CheckRule rule, String sectionKey, int start, int end, String sentence, String message) {
}
