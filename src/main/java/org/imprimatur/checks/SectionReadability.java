package org.imprimatur.checks;

/** The reading level of one section. */
public record SectionReadability(String sectionKey, Readability readability) {
}
