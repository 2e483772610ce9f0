package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Audience;
import org.imprimatur.checks.CheckMode;
import org.imprimatur.checks.CheckReport;
import org.imprimatur.checks.CheckRule;
import org.imprimatur.checks.CheckSettings;
import org.imprimatur.checks.ClinicalChecks;
import org.imprimatur.checks.Finding;
import org.imprimatur.infrastructure.FieldError;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of what an article claims and how it reads (docs/clinical-checks.md), with the mode
 * each rule is set to: findings of a rule set to {@code warn} or {@code block-submit} come back with
 * a save, and those of a rule set to {@code block-submit} stop the version from going to review.
 */
@ApplicationScoped
public class ContentChecks {

    private final ClinicalCheckSettings settings;
    /** The checks' settings for each audience: they differ in the reading target. */
    private final Map<Audience, CheckSettings> checkSettings = new EnumMap<>(Audience.class);
    private final Clock clock;

    public ContentChecks(ClinicalCheckSettings settings, ReadingTargets targets, Clock clock) {
        this.settings = settings;
        for (Audience audience : Audience.values()) {
            checkSettings.put(audience, new CheckSettings(targets.of(audience), settings.staleSourceYears()));
        }
        this.clock = clock;
    }

    /** The reading grade the content of an audience is held to (docs/clinical-checks.md, "Reading level"). */
    public double readingTarget(Audience audience) {
        return checkSettings.get(audience).readingGradeTarget();
    }

    /** The findings a save reports; with every rule off the text is not read at all. */
    public List<FieldError> warnings(ArticleContent content) {
        return anyRuleIs(mode -> mode != CheckMode.OFF) ? report(content).warnings(content) : List.of();
    }

    /** The findings that keep the version from review; none, without reading it, when no rule blocks. */
    public List<FieldError> submitBlockers(ArticleContent content) {
        return anyRuleIs(mode -> mode == CheckMode.BLOCK_SUBMIT) ? report(content).submitBlockers(content) : List.of();
    }

    private boolean anyRuleIs(java.util.function.Predicate<CheckMode> mode) {
        return java.util.Arrays.stream(CheckRule.values()).map(settings::modeOf).anyMatch(mode);
    }

    /** A finding together with what its rule is set to do. */
    public record RuledFinding(Finding finding, CheckMode mode) {
    }

    /** Every finding of the rules that are not off, and the readability figures, read against the content's audience. */
    public Report report(ArticleContent content) {
        CheckReport report = ClinicalChecks.of(content, checkSettings.get(content.audience()), LocalDate.now(clock));
        List<RuledFinding> findings = report.findings().stream()
                .map(finding -> new RuledFinding(finding, settings.modeOf(finding.rule())))
                .filter(ruled -> ruled.mode() != CheckMode.OFF)
                .toList();
        return new Report(findings, report);
    }

    /** The findings of one version, with the figures they came from. */
    public record Report(List<RuledFinding> findings, CheckReport figures) {

        /** The findings as the warnings of a save: each at its section's body, naming its rule and place. */
        public List<FieldError> warnings(ArticleContent content) {
            return findings.stream().map(ruled -> asFieldError(content, ruled.finding())).toList();
        }

        /** The findings that keep the version from review, as the errors of the refused submission. */
        public List<FieldError> submitBlockers(ArticleContent content) {
            return findings.stream().filter(ruled -> ruled.mode() == CheckMode.BLOCK_SUBMIT)
                    .map(ruled -> asFieldError(content, ruled.finding())).toList();
        }
    }

    private static FieldError asFieldError(ArticleContent content, Finding finding) {
        int index = 0;
        while (index < content.sections().size() && !content.sections().get(index).key().equals(finding.sectionKey())) {
            index++;
        }
        return new FieldError("sections[" + index + "].body", finding.rule().wireName() + " at characters "
                + finding.start() + "–" + finding.end() + ": " + finding.message());
    }
}
