package org.imprimatur.studio;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Section;
import org.imprimatur.checks.CheckMode;
import org.imprimatur.checks.CheckRule;
import org.imprimatur.checks.Finding;
import org.imprimatur.checks.Readability;
import org.imprimatur.checks.SectionReadability;
import org.imprimatur.delivery.MarkdownRenderer;
import org.imprimatur.rules.AcceptedFinding;
import org.imprimatur.workflow.ContentChecks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clinical checks of one version as the studio shows them (docs/studio.md, "Checks"): the
 * report of {@link ContentChecks}, the same one {@code GET …/checks} answers, laid out per section
 * with each sentence a finding concerns marked in the rendered body and the reading figures
 * beside the audience's target.
 */
public record StudioChecks(String target, Reading article, List<SectionChecks> sections, int findingCount) {

    /** One section: its rendered body with the sentences marked, its reading figures, its findings. */
    public record SectionChecks(int index, String key, String heading, String html, Reading reading,
                                List<FindingRow> findings) {
    }

    /**
     * One finding, numbered through the article; {@code place} names it as an accepted finding
     * does ({@link AcceptedFinding.Place}), so that a reviewer's form can accept it.
     */
    public record FindingRow(int number, String rule, String ruleName, String mode, boolean blocksSubmit,
                             String sentence, String message, String place) {
    }

    /** How a text reads, to one decimal, against the target. */
    public record Reading(int sentences, String grade, String formula, String smog, String fleschKincaid,
                          String wordsPerSentence, String note, boolean overTarget) {

        static Reading of(Readability figures, double target) {
            return new Reading(figures.sentences(), oneDecimal(figures.grade()), figures.formula().label(),
                    figures.smogGrade() == null ? null : oneDecimal(figures.smogGrade()),
                    oneDecimal(figures.fleschKincaidGrade()), oneDecimal(figures.wordsPerSentence()), figures.note(),
                    figures.sentences() > 0 && figures.grade() > target);
        }
    }

    static StudioChecks of(ContentChecks checks, ArticleContent content) {
        ContentChecks.Report report = checks.report(content);
        double target = checks.readingTarget(content.audience());
        Map<String, Readability> readingByKey = new HashMap<>();
        for (SectionReadability section : report.figures().sections()) {
            readingByKey.putIfAbsent(section.sectionKey(), section.readability());
        }
        Map<String, List<ContentChecks.RuledFinding>> findingsByKey = new LinkedHashMap<>();
        for (ContentChecks.RuledFinding ruled : report.findings()) {
            findingsByKey.computeIfAbsent(ruled.finding().sectionKey(), key -> new ArrayList<>()).add(ruled);
        }
        Map<String, Integer> numbers = MarkdownRenderer.citationNumbers(content.citations());
        List<SectionChecks> sections = new ArrayList<>();
        int number = 0;
        for (int i = 0; i < content.sections().size(); i++) {
            Section section = content.sections().get(i);
            List<FindingRow> rows = new ArrayList<>();
            List<FindingMarks.Mark> marks = new ArrayList<>();
            // keys are unique within a version; a repeated one would get its findings once, at its first place
            List<ContentChecks.RuledFinding> own = findingsByKey.remove(section.key());
            for (ContentChecks.RuledFinding ruled : own == null ? List.<ContentChecks.RuledFinding>of() : own) {
                number++;
                Finding finding = ruled.finding();
                rows.add(new FindingRow(number, finding.rule().wireName(), ruleName(finding.rule()), ruled.mode().wireName(),
                        ruled.mode() == CheckMode.BLOCK_SUBMIT, finding.sentence(), finding.message(),
                        place(finding)));
                marks.add(new FindingMarks.Mark(finding.start(), finding.end(), number));
            }
            Readability readability = readingByKey.get(section.key());
            sections.add(new SectionChecks(i, section.key(), section.heading(),
                    FindingMarks.html(section.body(), marks, numbers),
                    readability == null ? null : Reading.of(readability, target), List.copyOf(rows)));
        }
        return new StudioChecks(grade(target), Reading.of(report.figures().article(), target), List.copyOf(sections), number);
    }

    /** The section of a key, or null: for a template that lays out sections it has by key. */
    public SectionChecks section(String key) {
        return sections.stream().filter(section -> section.key().equals(key)).findFirst().orElse(null);
    }

    public long sectionsOverTarget() {
        return sections.stream().filter(section -> section.reading() != null && section.reading().overTarget()).count();
    }

    /** How a form names a finding: {@code rule|sectionKey|start|end}, as {@link #accepted} reads it back. */
    static String place(Finding finding) {
        return finding.rule().wireName() + "|" + finding.sectionKey() + "|" + finding.start() + "|" + finding.end();
    }

    /**
     * The findings a reviewer ticked, each with the reason typed beside it, as the approval takes them:
     * whether each is a current finding with a reason is the workflow's rule, not the form's.
     */
    static List<AcceptedFinding> accepted(List<String> ticked, List<String> places, List<String> reasons) {
        List<AcceptedFinding> accepted = new ArrayList<>();
        for (String tick : ticked == null ? List.<String>of() : ticked) {
            int at = places == null ? -1 : places.indexOf(tick);
            String reason = at >= 0 && reasons != null && at < reasons.size() ? reasons.get(at) : null;
            String[] parts = tick == null ? new String[0] : tick.split("\\|", -1);
            accepted.add(parts.length == 4
                    ? new AcceptedFinding(parts[0], parts[1], integer(parts[2]), integer(parts[3]), reason)
                    : new AcceptedFinding(tick, null, null, null, reason));
        }
        return accepted;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private static String ruleName(CheckRule rule) {
        return switch (rule) {
            case UNCITED_CLAIM -> "Uncited claim";
            case CLAIM_CITATION_MISMATCH -> "Claim and source disagree";
            case STALE_SOURCE -> "Old source for current research";
            case READING_LEVEL -> "Reading level";
        };
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String grade(double target) {
        return target == Math.rint(target) ? String.valueOf((long) target) : oneDecimal(target);
    }
}
