package org.imprimatur.article;

import java.util.UUID;

/**
 * What a new version needs to know of the version it follows or restores: its number and ETag
 * hash, its content (without the article's slug), which versions wrote its parts and, for a
 * translation, the source version it renders (null otherwise).
 */
public record VersionSnapshot(UUID articleId, int versionNo, String contentHash, ArticleContent content,
                              ContentOrigins origins, TranslationOf translationOf) {

    static VersionSnapshot of(ArticleVersion version) {
        return new VersionSnapshot(version.articleId, version.versionNo, version.contentHash, version.content(null),
                version.origins(), version.translationOf());
    }

    /** The content with the article's slug, as the version's readers see it. */
    public ArticleContent content(String slug) {
        return content.withSlug(slug);
    }

    /** Roughly the bytes this snapshot holds: two per character of its text, plus each part's overhead. */
    int weight() {
        ArticleContent c = content;
        long chars = length(c.title()) + length(c.summary()) + length(c.changeNote()) + length(contentHash)
                + length(c.disclosures()) + length(c.authorCredentials())
                + c.tags().stream().mapToLong(VersionSnapshot::length).sum();
        for (Section section : c.sections()) {
            chars += length(section.key()) + length(section.heading()) + length(section.body());
        }
        for (Citation citation : c.citations()) {
            chars += length(citation.key()) + length(citation.title()) + length(citation.container())
                    + length(citation.doi()) + length(citation.pmid()) + length(citation.url())
                    + citation.authors().stream().mapToLong(VersionSnapshot::length).sum();
        }
        long parts = 1 + c.tags().size() + c.sections().size() + c.citations().size();
        return (int) Math.min(Integer.MAX_VALUE, 2 * chars + 64 * parts);
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
