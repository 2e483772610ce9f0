package org.imprimatur.checks;

import org.imprimatur.article.Citation;
import org.imprimatur.article.CitationKind;
import org.imprimatur.checks.ClaimReader.NamedSource;
import org.imprimatur.checks.ClaimReader.Reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The evidence rules over the sentences of one section (docs/clinical-checks.md, "Evidence
 * checks"): {@code uncited-claim}, {@code claim-citation-mismatch} and {@code stale-source}.
 */
final class EvidenceRules {

    private EvidenceRules() {
    }

    static List<Finding> check(String sectionKey, List<ReaderSentence> sentences, List<Reading> readings,
                               Map<String, Citation> citations, CheckSettings settings, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        String currentResearch = readings.stream().map(Reading::currentResearchPhrase).filter(Objects::nonNull)
                .findFirst().orElse(null);
        boolean previousReportsResearch = false;
        Sources lastResearchSources = null;
        for (int i = 0; i < sentences.size(); i++) {
            ReaderSentence sentence = sentences.get(i);
            Reading reading = readings.get(i);
            boolean continuation = reading.opensWithPronounReport() && previousReportsResearch;
            Sources own = Sources.of(sentence.citationKeys(), citations);
            // "It suggests …", "The review authors …": the source cited for the claim they continue
            boolean inherits = !own.anyMarker() && lastResearchSources != null && (continuation || reading.refersBack());
            Sources restsOn = inherits ? lastResearchSources : own;

            if ((reading.isClaim() || continuation) && !restsOn.anyMarker()) {
                findings.add(finding(CheckRule.UNCITED_CLAIM, sectionKey, sentence, uncitedMessage(reading)));
            }
            if (!restsOn.known().isEmpty() && !reading.namedSources().isEmpty()) {
                mismatch(reading, restsOn.known()).ifPresent(message ->
                        findings.add(finding(CheckRule.CLAIM_CITATION_MISMATCH, sectionKey, sentence, message)));
            }
            if (currentResearch != null && !own.known().isEmpty()) {
                stale(own.known(), settings, today, currentResearch).ifPresent(message ->
                        findings.add(finding(CheckRule.STALE_SOURCE, sectionKey, sentence, message)));
            }

            boolean reportsResearch = !sentence.heading() && (reading.reportsResearch() || continuation);
            if (reportsResearch) {
                lastResearchSources = restsOn;
            }
            previousReportsResearch = reportsResearch;
        }
        return findings;
    }

    /**
     * What a sentence's markers cite: whether it has any marker at all (a key the content does not
     * know is refused at save, and still a marker here), and the distinct known sources, at most as
     * many as the content has.
     */
    private record Sources(boolean anyMarker, List<Citation> known) {

        static Sources of(List<String> keys, Map<String, Citation> citations) {
            return new Sources(!keys.isEmpty(), keys.stream().map(citations::get).filter(Objects::nonNull).distinct().toList());
        }
    }

    private static String uncitedMessage(Reading reading) {
        if (reading.reportsResearch()) {
            return "Reports research (“" + reading.researchPhrase() + "”) but cites no source: add a citation marker"
                    + " such as [@key] for the source, or say plainly that the evidence is not known.";
        }
        if (reading.figurePhrase() != null) {
            return "States a figure (“" + reading.figurePhrase() + "”) but cites no source: add a citation marker"
                    + " such as [@key] for where the figure comes from.";
        }
        return "Reports what the source named before it says, and neither it nor that sentence cites the source:"
                + " add a citation marker such as [@key].";
    }

    /** The message when no cited source is what the sentence names; empty when one is, or none is known. */
    private static Optional<String> mismatch(Reading reading, List<Citation> cited) {
        List<NamedSource> unanswered = reading.namedSources().stream()
                .filter(named -> cited.stream().noneMatch(citation -> answers(citation, named))).toList();
        if (unanswered.isEmpty()) {
            return Optional.empty();
        }
        String names = unanswered.stream().map(named -> "“" + named.phrase() + "”").collect(Collectors.joining(" and "));
        String sources = cited.stream().map(EvidenceRules::describe).collect(Collectors.joining("; "));
        return Optional.of("Names " + names + " but cites " + sources + ": cite the source the sentence names,"
                + " or describe the cited source as what it is.");
    }

    static boolean answers(Citation citation, NamedSource named) {
        boolean year = named.year() == null || named.year().equals(citation.year());
        CitationKind kind = citation.kind();
        boolean matchingKind = named.kind() == SourceKind.ANY || kind != null && named.kind().isAnsweredBy(kind);
        return year && matchingKind;
    }

    private static Optional<String> stale(List<Citation> cited, CheckSettings settings, LocalDate today,
                                          String currentResearch) {
        List<Citation> old = cited.stream().filter(citation -> citation.year() != null
                        && today.getYear() - citation.year() > settings.staleSourceYears())
                .toList();
        if (old.isEmpty()) {
            return Optional.empty();
        }
        String sources = old.stream().map(citation -> citation.key() + " (" + citation.year() + ")")
                .collect(Collectors.joining(", "));
        return Optional.of("Cites " + sources + ", more than " + settings.staleSourceYears()
                + " years old, in a section that speaks of current research (“" + currentResearch + "”): cite current"
                + " work, or do not call the evidence current.");
    }

    private static String describe(Citation citation) {
        String kind = citation.kind() == null ? "a source" : citation.kind().label().toLowerCase(Locale.ROOT);
        return citation.key() + " (" + kind + (citation.year() == null ? "" : ", " + citation.year()) + ")";
    }

    private static Finding finding(CheckRule rule, String sectionKey, ReaderSentence sentence, String message) {
        return new Finding(rule, sectionKey, sentence.start(), sentence.end(), sentence.text(), message);
    }
}
