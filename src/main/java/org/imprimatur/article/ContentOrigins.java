package org.imprimatur.article;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which version first wrote each part of a version's content: git blame at the grain of the
 * header (title, summary, language, tags, audience, disclosures, author credentials), each section and each citation, both by key, and of the
 * choices that leave no text behind: the order of sections and citations, the review interval, and
 * each section or citation taken out. Four-eyes asks who wrote the parts that would go live, and who
 * took out what would stop being live, not who pressed Save (docs/workflow.md).
 *
 * @param header           version that wrote the current title, summary, language, tags, audience, disclosures
 *                         and author credentials
 * @param order            version that wrote the current order of section keys and citation keys
 * @param reviewInterval   version that set the current review interval
 * @param sections         section key → version that wrote its heading, aspect and body
 * @param citations        citation key → version that wrote it
 * @param removedSections  key of a section absent here → version that took it out
 * @param removedCitations key of a citation absent here → version that took it out
 */
public record ContentOrigins(int header, int order, int reviewInterval, Map<String, Integer> sections,
                             Map<String, Integer> citations, Map<String, Integer> removedSections,
                             Map<String, Integer> removedCitations) {

    public ContentOrigins {
        sections = Map.copyOf(sections);
        citations = Map.copyOf(citations);
        removedSections = Map.copyOf(removedSections);
        removedCitations = Map.copyOf(removedCitations);
    }

    /** Content whose every part is new in {@code version}, such as a first version. */
    public static ContentOrigins allWrittenIn(ArticleContent content, int version) {
        return carry(null, null, content, version);
    }

    /**
     * The origins of {@code next}, saved as {@code nextVersion} from {@code source}: a part that is
     * the same as in the source keeps the source's origin; any other part was written now. A part of
     * the source that {@code next} lacks was taken out now; one the source had already lost keeps the
     * version that took it out, so a restore carries removals as it carries text.
     */
    public static ContentOrigins carry(ArticleContent source, ContentOrigins sourceOrigins, ArticleContent next,
                                       int nextVersion) {
        int header = source != null && sameHeader(source, next) ? sourceOrigins.header() : nextVersion;
        int order = source != null && sameOrder(source, next) ? sourceOrigins.order() : nextVersion;
        int interval = source != null && Objects.equals(source.reviewIntervalMonths(), next.reviewIntervalMonths())
                ? sourceOrigins.reviewInterval() : nextVersion;
        Map<String, Section> sourceSections = sectionsByKey(source);
        Map<String, Integer> sections = new HashMap<>();
        for (Section section : next.sections()) {
            sections.put(section.key(), section.equals(sourceSections.get(section.key()))
                    ? sourceOrigins.sections().get(section.key()) : nextVersion);
        }
        Map<String, Citation> sourceCitations = citationsByKey(source);
        Map<String, Integer> citations = new HashMap<>();
        for (Citation citation : next.citations()) {
            citations.put(citation.key(), citation.equals(sourceCitations.get(citation.key()))
                    ? sourceOrigins.citations().get(citation.key()) : nextVersion);
        }
        return new ContentOrigins(header, order, interval, sections, citations,
                removals(sourceSections.keySet(), sourceOrigins == null ? Map.of() : sourceOrigins.removedSections(),
                        sections.keySet(), nextVersion),
                removals(sourceCitations.keySet(), sourceOrigins == null ? Map.of() : sourceOrigins.removedCitations(),
                        citations.keySet(), nextVersion));
    }

    /**
     * The versions that wrote the parts of {@code candidate} (whose origins these are) that differ
     * from {@code baseline}, and took out the parts of the baseline that it lacks; with no baseline
     * (nothing live), the versions that wrote every part.
     */
    public Set<Integer> versionsThatWroteChangesFrom(ArticleContent candidate, ArticleContent baseline) {
        Set<Integer> versions = new HashSet<>();
        if (baseline == null || !sameHeader(baseline, candidate)) {
            versions.add(header);
        }
        if (baseline == null || !sameOrder(baseline, candidate)) {
            versions.add(order);
        }
        if (baseline == null || !Objects.equals(baseline.reviewIntervalMonths(), candidate.reviewIntervalMonths())) {
            versions.add(reviewInterval);
        }
        Map<String, Section> baselineSections = sectionsByKey(baseline);
        for (Section section : candidate.sections()) {
            if (!section.equals(baselineSections.get(section.key()))) {
                versions.add(sections.get(section.key()));
            }
        }
        Map<String, Citation> baselineCitations = citationsByKey(baseline);
        for (Citation citation : candidate.citations()) {
            if (!citation.equals(baselineCitations.get(citation.key()))) {
                versions.add(citations.get(citation.key()));
            }
        }
        // Versions saved before removals were recorded have none: the one that set the order, which a
        // removal changes, stands in for the remover.
        baselineSections.keySet().stream().filter(key -> !sections.containsKey(key))
                .forEach(key -> versions.add(removedSections.getOrDefault(key, order)));
        baselineCitations.keySet().stream().filter(key -> !citations.containsKey(key))
                .forEach(key -> versions.add(removedCitations.getOrDefault(key, order)));
        return versions;
    }

    private static Map<String, Integer> removals(Set<String> sourceKeys, Map<String, Integer> sourceRemovals,
                                                 Set<String> nextKeys, int nextVersion) {
        Map<String, Integer> removed = new HashMap<>();
        sourceRemovals.forEach((key, version) -> {
            if (!nextKeys.contains(key)) {
                removed.put(key, version);
            }
        });
        sourceKeys.stream().filter(key -> !nextKeys.contains(key)).forEach(key -> removed.put(key, nextVersion));
        return removed;
    }

    private static boolean sameHeader(ArticleContent a, ArticleContent b) {
        return Objects.equals(a.title(), b.title()) && Objects.equals(a.summary(), b.summary())
                && Objects.equals(a.language(), b.language()) && Objects.equals(a.tags(), b.tags())
                && a.audience() == b.audience() && Objects.equals(a.disclosures(), b.disclosures())
                && Objects.equals(a.authorCredentials(), b.authorCredentials());
    }

    /** Same section keys and same citation keys, each in the same order (citations are numbered in order). */
    private static boolean sameOrder(ArticleContent a, ArticleContent b) {
        return sectionKeys(a).equals(sectionKeys(b)) && citationKeys(a).equals(citationKeys(b));
    }

    private static List<String> sectionKeys(ArticleContent content) {
        return content.sections().stream().map(Section::key).toList();
    }

    private static List<String> citationKeys(ArticleContent content) {
        return content.citations().stream().map(Citation::key).toList();
    }

    private static Map<String, Section> sectionsByKey(ArticleContent content) {
        Map<String, Section> byKey = new HashMap<>();
        if (content != null) {
            content.sections().forEach(section -> byKey.put(section.key(), section));
        }
        return byKey;
    }

    private static Map<String, Citation> citationsByKey(ArticleContent content) {
        Map<String, Citation> byKey = new HashMap<>();
        if (content != null) {
            content.citations().forEach(citation -> byKey.put(citation.key(), citation));
        }
        return byKey;
    }
}
