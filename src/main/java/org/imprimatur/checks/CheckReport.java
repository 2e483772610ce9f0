package org.imprimatur.checks;

import java.util.List;

/** What the checks found in an article, in the order of its sections and sentences, and how hard it reads. */
public record CheckReport(List<Finding> findings, List<SectionReadability> sections, Readability article) {
}
