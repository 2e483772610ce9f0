package org.imprimatur.importing;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ContentInput;
import org.imprimatur.article.ContentValidator;
import org.imprimatur.article.ImageSources;
import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.rules.ReviewDates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a library line (docs/operations.md, "Importing a library"), in plain Java: every
 * version's content follows every rule of a save ({@link ContentValidator}), the live version also
 * the rule of a submission (no citation marker without its citation), and the history's numbers,
 * dates and approval must make sense. All failures are reported, each against its field.
 */
final class LibraryRules {

    static final int MAX_NAME = 200;
    static final int MAX_HISTORY = 1_000;

    private LibraryRules() {
    }

    /** The line's article, or every rule it breaks. */
    record Checked(ImportedArticle article, List<FieldError> errors) {
    }

    static Checked check(long lineNumber, LibraryLine line, String sourceSha256, LocalDate today, Instant now,
                         ImageSources images) {
        List<FieldError> errors = new ArrayList<>();
        LibraryLine.LibraryFacts facts = line.facts();
        List<LibraryLine.HistoryVersion> history = facts.history() == null ? List.of() : facts.history();
        ArticleContent newest = content(errors, "", line.content(), true, null, today, images);
        String slug = newest == null ? line.content().slug() : newest.slug();
        if (history.size() > MAX_HISTORY) {
            errors.add(new FieldError("history", "at most " + MAX_HISTORY + " earlier versions are allowed"));
            return new Checked(null, errors);
        }
        List<ImportedArticle.Version> versions = new ArrayList<>();
        Instant previousSave = null;
        for (int i = 0; i < history.size(); i++) {
            String path = "history[" + i + "]";
            LibraryLine.HistoryVersion earlier = history.get(i);
            if (earlier == null) {
                errors.add(new FieldError(path, "must be an object"));
                continue;
            }
            if (earlier.version() == null || earlier.version() != i + 1) {
                errors.add(new FieldError(path + ".version", "must be " + (i + 1)
                        + ": the history lists versions 1, 2, … oldest first"));
            }
            checkName(errors, path + ".author", earlier.author(), false);
            previousSave = checkSavedAt(errors, path + ".savedAt", earlier.savedAt(), previousSave, now);
            ArticleContent content = null;
            if (earlier.content() == null) {
                errors.add(new FieldError(path + ".content", "is required"));
            } else {
                content = content(errors, path + ".content.", earlier.content(), false, slug, today, images);
            }
            versions.add(new ImportedArticle.Version(content, name(earlier.author()), earlier.savedAt()));
        }
        checkName(errors, "author", facts.author(), false);
        checkSavedAt(errors, "savedAt", facts.savedAt(), previousSave, now);
        versions.add(new ImportedArticle.Version(newest, name(facts.author()), facts.savedAt()));

        ImportedArticle.Approval approval = null;
        Integer published = facts.publishedVersion();
        if (published == null) {
            if (facts.approval() != null) {
                errors.add(new FieldError("approval", "needs publishedVersion: an approval is imported with the version it put live"));
            }
        } else if (published < 1 || published > versions.size()) {
            errors.add(new FieldError("publishedVersion", "must be a version of the line: 1 to " + versions.size()));
        } else {
            ImportedArticle.Version live = versions.get(published - 1);
            if (live.content() != null) {
                String path = published == versions.size() ? "" : "history[" + (published - 1) + "].content.";
                ContentValidator.reviewBlockers(live.content())
                        .forEach(blocker -> errors.add(new FieldError(path + blocker.field(), blocker.message())));
                approval = approval(errors, facts.approval(), live, newest, today, now);
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new ImportedArticle(lineNumber, slug, List.copyOf(versions), published, approval, sourceSha256),
                List.of());
    }

    private static ArticleContent content(List<FieldError> errors, String prefix, ContentInput input, boolean newest,
                                          String slug, LocalDate today, ImageSources images) {
        try {
            ArticleContent content = ContentValidator.validate(input, newest, today, images);
            if (newest) {
                return content;
            }
            if (content.slug() != null && slug != null && !content.slug().equals(slug)) {
                errors.add(new FieldError(prefix + "slug", "must be the line's slug, " + slug + ", or left out"));
            }
            return content.withSlug(slug);
        } catch (ProblemException invalid) {
            List<FieldError> found = invalid.problem().errors() == null ? List.of() : invalid.problem().errors();
            found.forEach(error -> errors.add(new FieldError(prefix + error.field(), error.message())));
            return null;
        }
    }

    private static ImportedArticle.Approval approval(List<FieldError> errors, LibraryLine.ImportedApproval approval,
                                                     ImportedArticle.Version live, ArticleContent newest,
                                                     LocalDate today, Instant now) {
        if (approval == null) {
            errors.add(new FieldError("approval", "is required with publishedVersion: who approved the live version, and when"));
            return null;
        }
        checkName(errors, "approval.reviewer", approval.reviewer(), true);
        checkName(errors, "approval.credentials", approval.credentials(), false);
        if (approval.approvedAt() == null) {
            errors.add(new FieldError("approval.approvedAt", "is required"));
            return null;
        }
        if (approval.approvedAt().isAfter(now)) {
            errors.add(new FieldError("approval.approvedAt", "cannot be in the future"));
        } else if (live.savedAt() != null && approval.approvedAt().isBefore(live.savedAt())) {
            errors.add(new FieldError("approval.approvedAt", "is before the live version was saved (" + live.savedAt() + ")"));
        }
        LocalDate reviewedOn = approval.lastReviewedOn() != null ? approval.lastReviewedOn()
                : LocalDate.ofInstant(approval.approvedAt(), ZoneOffset.UTC);
        if (reviewedOn.isAfter(today)) {
            errors.add(new FieldError("approval.lastReviewedOn", "cannot be in the future"));
        }
        int interval = newest == null ? live.content().reviewIntervalMonths() : newest.reviewIntervalMonths();
        LocalDate due = approval.nextReviewDue() != null ? approval.nextReviewDue()
                : ReviewDates.nextReviewDue(reviewedOn, interval);
        if (!due.isAfter(reviewedOn)) {
            errors.add(new FieldError("approval.nextReviewDue", "must be after lastReviewedOn (" + reviewedOn + ")"));
        }
        return new ImportedArticle.Approval(approval.reviewer().strip(),
                approval.credentials() == null ? "" : approval.credentials().strip(),
                approval.approvedAt(), reviewedOn, due);
    }

    private static void checkName(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required || value != null) {
                errors.add(new FieldError(field, required ? "is required" : "must be a name, or left out"));
            }
            return;
        }
        if (value.codePointCount(0, value.length()) > MAX_NAME) {
            errors.add(new FieldError(field, "is longer than " + MAX_NAME + " characters"));
        }
        ControlCharacters.checkLine(errors, field, value);
    }

    /** Versions were saved one after another, none after the import: returns the save time to compare the next with. */
    private static Instant checkSavedAt(List<FieldError> errors, String field, Instant savedAt, Instant previous, Instant now) {
        if (savedAt == null) {
            return previous;
        }
        if (savedAt.isAfter(now)) {
            errors.add(new FieldError(field, "cannot be in the future"));
        } else if (previous != null && savedAt.isBefore(previous)) {
            errors.add(new FieldError(field, "is before the previous version's savedAt (" + previous + ")"));
        }
        return savedAt;
    }

    private static String name(String value) {
        return value == null ? null : value.strip();
    }
}
