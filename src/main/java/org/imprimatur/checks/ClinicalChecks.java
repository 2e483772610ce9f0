package org.imprimatur.checks;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Citation;
import org.imprimatur.article.Section;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what an article claims and how hard it reads (docs/clinical-checks.md): the evidence
 * rules per sentence, the reading level per section and for the whole article. Plain Java over the
 * content; one pass over each body, so its cost grows with the length of the text.
 */
public final class ClinicalChecks {

    private ClinicalChecks() {
    }

    /**
     * Checks the content as of {@code today} (the date that decides how old a source is). Findings
     * come in the order of the sections, then of their place in the body, then of the rules.
     */
    public static CheckReport of(ArticleContent content, CheckSettings settings, LocalDate today) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(today, "today");
        Map<String, Citation> citations = new HashMap<>();
        for (Citation citation : content.citations() == null ? List.<Citation>of() : content.citations()) {
            citations.putIfAbsent(citation.key(), citation);
        }
        List<Finding> findings = new ArrayList<>();
        List<SectionReadability> sections = new ArrayList<>();
        List<SentenceFigures> wholeArticle = new ArrayList<>();
        for (Section section : content.sections() == null ? List.<Section>of() : content.sections()) {
            List<ReaderSentence> sentences = ReaderText.sentencesOf(section.body() == null ? "" : section.body());
            List<ClaimReader.Reading> readings = new ArrayList<>(sentences.size());
            List<SentenceFigures> figures = new ArrayList<>(sentences.size());
            for (ReaderSentence sentence : sentences) {
                readings.add(ClaimReader.read(sentence.text()));
                if (!sentence.heading()) {
                    figures.add(SentenceFigures.of(section.key(), sentence));
                }
            }
            List<Finding> sectionFindings = new ArrayList<>(
                    EvidenceRules.check(section.key(), sentences, readings, citations, settings, today));
            Readability readability = Readability.of(figures);
            readingLevel(section.key(), readability, settings).ifPresent(sectionFindings::add);
            sectionFindings.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::rule));
            findings.addAll(sectionFindings);
            sections.add(new SectionReadability(section.key(), readability));
            wholeArticle.addAll(figures);
        }
        return new CheckReport(List.copyOf(findings), List.copyOf(sections), Readability.of(wholeArticle));
    }

    /** A section over the target is reported at its hardest sentence, the first one to make easier. */
    private static Optional<Finding> readingLevel(String sectionKey, Readability readability, CheckSettings settings) {
        if (readability.sentences() == 0 || readability.grade() <= settings.readingGradeTarget()) {
            return Optional.empty();
        }
        HardSentence hardest = readability.hardestSentences().get(0);
        String formula = readability.tooShortForSmog() ? ReadingFormula.FLESCH_KINCAID.label() + ", too short for "
                + ReadingFormula.SMOG.label() : ReadingFormula.SMOG.label();
        String message = String.format(Locale.ROOT, "This section reads at US grade %.1f (%s), above the target of %s:"
                        + " shorten long sentences and use shorter words, starting with this one, its hardest.",
                readability.grade(), formula, grade(settings.readingGradeTarget()));
        return Optional.of(new Finding(CheckRule.READING_LEVEL, sectionKey, hardest.start(), hardest.end(),
                hardest.text(), message));
    }

    private static String grade(double target) {
        return target == Math.rint(target) ? String.valueOf((long) target) : String.format(Locale.ROOT, "%.1f", target);
    }
}
