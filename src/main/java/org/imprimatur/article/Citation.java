package org.imprimatur.article;

import java.time.LocalDate;
import java.util.List;

/** A source that claims in the article rest on, cited in bodies as {@code [@key]}. */
public record Citation(String key, CitationKind kind, String title, List<String> authors, String container,
                       Integer year, String doi, String pmid, String url, LocalDate accessedOn) {
}
