package org.imprimatur.article;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which version first wrote each part of a version's content: git blame at the grain of the
 * header (title, summary, language, tags), each section and each citation, both by key. Four-eyes
 * asks who wrote the parts that would go live, not who pressed Save (docs/workflow.md).
 *
 * @param header    version that wrote the current title, summary, language and tags
 * @param sections  section key → version that wrote its heading, aspect and body
 * @param citations citation key → version that wrote it
 */
public record ContentOrigins(int header, Map<String, Integer> sections, Map<String, Integer> citations) {

    public ContentOrigins {
        sections = Map.copyOf(sections);
        citations = Map.copyOf(citations);
    }

    /** Content whose every part is new in {@code version}, such as a first version. */
    public static ContentOrigins allWrittenIn(ArticleContent content, int version) {
        return carry(null, null, content, version);
    }

    /**
     * The origins of {@code next}, saved as {@code nextVersion} from {@code source}: a part that is
     * the same as in the source keeps the source's origin; any other part was written now.
     */
    public static ContentOrigins carry(ArticleContent source, ContentOrigins sourceOrigins, ArticleContent next,
                                       int nextVersion) {
        int header = source != null && sameHeader(source, next) ? sourceOrigins.header() : nextVersion;
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
        return new ContentOrigins(header, sections, citations);
    }

    /**
     * The versions that wrote the parts of {@code candidate} (whose origins these are) that differ
     * from {@code baseline}; with no baseline (nothing live), the versions that wrote every part.
     */
    public Set<Integer> versionsThatWroteChangesFrom(ArticleContent candidate, ArticleContent baseline) {
        Set<Integer> versions = new HashSet<>();
        if (baseline == null || !sameHeader(baseline, candidate)) {
            versions.add(header);
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
        return versions;
    }

    private static boolean sameHeader(ArticleContent a, ArticleContent b) {
        return Objects.equals(a.title(), b.title()) && Objects.equals(a.summary(), b.summary())
                && Objects.equals(a.language(), b.language()) && Objects.equals(a.tags(), b.tags());
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
