package org.imprimatur.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.VersionSnapshot;
import org.imprimatur.article.VersionSnapshots;
import org.imprimatur.checks.CheckMode;
import org.imprimatur.checks.CheckRule;
import org.imprimatur.checks.ReadingFormula;
import org.imprimatur.checks.Readability;
import org.imprimatur.security.Role;

import java.util.List;
import java.util.UUID;

/** What the clinical checks find in an article's newest version, and how it reads (docs/clinical-checks.md). */
@Path("/api/v1/editorial/articles/{id}/checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial: articles")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
public class ChecksResource {

    private final ContentChecks checks;
    private final VersionSnapshots versions;

    public ChecksResource(ContentChecks checks, VersionSnapshots versions) {
        this.checks = checks;
        this.versions = versions;
    }

    /** One finding: which rule, what it is set to do, where in which section's body, and what to do about it. */
    public record FindingView(CheckRule rule, CheckMode mode, String sectionKey, int start, int end, String sentence,
                              String message) {
    }

    /** One sentence among the hardest to read, where it is in its section's body, and its grade. */
    public record HardSentenceView(String sectionKey, int start, int end, String text, int words, int syllables, double grade) {
    }

    /**
     * How a text reads: SMOG (null under 30 sentences, where {@code note} says why) and Flesch–Kincaid,
     * as US school grades to one decimal; {@code grade} is the one the target is held against.
     */
    public record ReadingView(int sentences, int words, int syllables, int polysyllables, double wordsPerSentence,
                              double fleschKincaidGrade, @Schema(nullable = true) Double smogGrade, double grade,
                              ReadingFormula formula, @Schema(nullable = true) String note, List<HardSentenceView> hardestSentences) {

        static ReadingView of(Readability figures) {
            return new ReadingView(figures.sentences(), figures.words(), figures.syllables(), figures.polysyllables(),
                    oneDecimal(figures.wordsPerSentence()), oneDecimal(figures.fleschKincaidGrade()),
                    figures.smogGrade() == null ? null : oneDecimal(figures.smogGrade()), oneDecimal(figures.grade()),
                    figures.formula(), figures.note(), figures.hardestSentences().stream()
                    .map(hard -> new HardSentenceView(hard.sectionKey(), hard.start(), hard.end(), hard.text(), hard.words(),
                            hard.syllables(), oneDecimal(hard.grade()))).toList());
        }

        private static double oneDecimal(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }

    public record SectionReadingView(String sectionKey, ReadingView readability) {
    }

    public record ReadabilityView(ReadingView article, List<SectionReadingView> sections) {
    }

    public record ChecksView(UUID articleId, int version, String contentHash, List<FindingView> findings,
                             ReadabilityView readability) {
    }

    @GET
    @Transactional
    @Operation(summary = "The clinical checks' findings and the readability of the newest version")
    @APIResponse(responseCode = "200", description = "Findings of every rule not set to off, and reading figures")
    @APIResponse(responseCode = "404", description = "No such article")
    public ChecksView checks(@PathParam("id") UUID id) {
        // The newest version from memory, as a save reads it: its rows are not read again for each look.
        Article article = ArticleLookup.article(id);
        VersionSnapshot latest = versions.latestOf(article);
        ArticleContent content = latest.content(article.slug);
        ContentChecks.Report report = checks.report(content);
        List<FindingView> findings = report.findings().stream().map(ruled -> new FindingView(ruled.finding().rule(),
                ruled.mode(), ruled.finding().sectionKey(), ruled.finding().start(), ruled.finding().end(),
                ruled.finding().sentence(), ruled.finding().message())).toList();
        return new ChecksView(article.id, latest.versionNo(), latest.contentHash(), findings,
                new ReadabilityView(ReadingView.of(report.figures().article()), report.figures().sections().stream()
                        .map(section -> new SectionReadingView(section.sectionKey(), ReadingView.of(section.readability())))
                        .toList()));
    }
}
