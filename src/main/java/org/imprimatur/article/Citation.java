package org.imprimatur.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** A source that claims in the article rest on, cited in bodies as {@code [@key]}. */
public record Citation(String key, CitationKind kind, String title, List<String> authors, @Schema(nullable = true) String container,
                       @Schema(nullable = true) Integer year, @Schema(nullable = true) String doi, @Schema(nullable = true) String pmid, @Schema(nullable = true) String url,
                       @Schema(nullable = true) LocalDate accessedOn) {
}
