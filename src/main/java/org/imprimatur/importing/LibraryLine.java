package org.imprimatur.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.article.ContentInput;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of an imported library as read, before {@link LibraryRules} has checked it: the
 * newest version's content in the create shape, and what the old system knew besides (docs/operations.md,
 * "Importing a library").
 */
record LibraryLine(ContentInput content, LibraryFacts facts) {

    /** The fields of a line beside the create shape's. */
    @Schema(name = "ImportedHistory", description = "What a line of an import carries beside the create shape's fields:"
            + " who wrote the newest version and when, the earlier versions oldest first, and the version that is live"
            + " with the approval that put it there.")
    public record LibraryFacts(
            @Schema(description = "Who wrote the newest version, as the old system names them", maxLength = 200) String author,
            @Schema(description = "When the newest version was saved; the time of the import when absent") Instant savedAt,
            @Schema(description = "The versions before the newest, oldest first, numbered 1, 2, …; the line's own content is the next") List<HistoryVersion> history,
            @Schema(description = "The version that is live; absent for an article that never was") Integer publishedVersion,
            @Schema(description = "The approval of the live version in the old system; required with publishedVersion") ImportedApproval approval) {
    }

    /** An earlier version of the article. */
    public record HistoryVersion(@Schema(description = "Its number: 1 for the first") Integer version,
                                 @Schema(description = "Who wrote it, as the old system names them", maxLength = 200) String author,
                                 @Schema(description = "When it was saved") Instant savedAt,
                                 @Schema(description = "Its content in the create shape; the slug may be left out") ContentInput content) {
    }

    /** The old system's approval of the live version: a record of the past, not a four-eyes approval made here. */
    public record ImportedApproval(@Schema(description = "The reviewer, as the old system names them", maxLength = 200) String reviewer,
                                   @Schema(description = "Their credentials, e.g. MD, FRCP", maxLength = 200) String credentials,
                                   @Schema(description = "When the version was approved; it is live from then") Instant approvedAt,
                                   @Schema(description = "The date of the last review; the date of approvedAt when absent") LocalDate lastReviewedOn,
                                   @Schema(description = "When the next review is due; lastReviewedOn plus the review interval when absent") LocalDate nextReviewDue) {
    }

    static final List<String> FACT_FIELDS = List.of("author", "savedAt", "history", "publishedVersion", "approval");
}
