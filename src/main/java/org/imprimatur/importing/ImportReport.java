package org.imprimatur.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.infrastructure.FieldError;

import java.util.List;

/** What an import did: how many articles went in, were already there, or failed, and why each listed failure did. */
public record ImportReport(
        @Schema(description = "Articles stored by this import") long imported,
        @Schema(description = "Versions stored by this import, the imported articles' history included") long versions,
        @Schema(description = "Lines whose article was already stored with the same versions and live version") long unchanged,
        @Schema(description = "Lines of which nothing was stored") long failed,
        @Schema(description = "The first failed lines, in file order, with every rule each broke") List<FailedLine> failures,
        @Schema(description = "Failed lines beyond those listed") long unlistedFailures) {

    /** A line of which nothing was stored. */
    public record FailedLine(@Schema(description = "Its number in the file, from 1") long line,
                             @Schema(nullable = true, description = "Its slug, when it could be read") String slug,
                             List<FieldError> errors) {
    }
}
