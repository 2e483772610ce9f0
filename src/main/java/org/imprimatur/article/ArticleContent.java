package org.imprimatur.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editable content of an article once {@link ContentValidator} has accepted it (as sent, it is a
 * {@link ContentInput}): what a version stores and its content hash covers. {@code disclosures} and
 * {@code authorCredentials} are empty when there is nothing to say.
 */
public record ArticleContent(String slug, String title, String summary, String language, List<String> tags,
                             Audience audience, String disclosures, String authorCredentials,
                             Integer reviewIntervalMonths, String changeNote, List<Section> sections,
                             List<Citation> citations) {

    public static final String DEFAULT_LANGUAGE = "en";
    public static final Audience DEFAULT_AUDIENCE = Audience.PATIENTS;
    public static final int DEFAULT_REVIEW_INTERVAL_MONTHS = 12;

    /** Content for patients with nothing to disclose and no author credentials, as every version before they existed. */
    public ArticleContent(String slug, String title, String summary, String language, List<String> tags,
                          Integer reviewIntervalMonths, String changeNote, List<Section> sections, List<Citation> citations) {
        this(slug, title, summary, language, tags, DEFAULT_AUDIENCE, "", "", reviewIntervalMonths, changeNote, sections,
                citations);
    }

    public ArticleContent withSlug(String newSlug) {
        return new ArticleContent(newSlug, title, summary, language, tags, audience, disclosures, authorCredentials,
                reviewIntervalMonths, changeNote, sections, citations);
    }

    /** This content as the first draft of its translation into {@code tag}: the same text for the translator to overwrite. */
    public ArticleContent asTranslation(String newSlug, String tag, String note) {
        return new ArticleContent(newSlug, title, summary, tag, tags, audience, disclosures, authorCredentials,
                reviewIntervalMonths, note, sections, citations);
    }

    public ArticleContent withChangeNote(String note) {
        return new ArticleContent(slug, title, summary, language, tags, audience, disclosures, authorCredentials,
                reviewIntervalMonths, note, sections, citations);
    }

    /**
     * The part of the content that readers see; its canonical form is what {@code contentHash} covers.
     * Audience, disclosures and author credentials count only when they say something (not patients,
     * not empty), so that every version saved before they existed keeps its hash, also when restored.
     */
    public Map<String, Object> hashedContent() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("summary", summary);
        content.put("language", language);
        content.put("tags", tags);
        if (audience != DEFAULT_AUDIENCE) {
            content.put("audience", audience.jsonName());
        }
        if (!disclosures.isEmpty()) {
            content.put("disclosures", disclosures);
        }
        if (!authorCredentials.isEmpty()) {
            content.put("authorCredentials", authorCredentials);
        }
        content.put("sections", sections.stream().map(section -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", section.key());
            map.put("heading", section.heading());
            map.put("aspect", section.aspectName());
            map.put("body", section.body());
            return map;
        }).toList());
        content.put("citations", citations.stream().map(citation -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", citation.key());
            map.put("kind", citation.kind().jsonName());
            map.put("title", citation.title());
            map.put("authors", citation.authors());
            map.put("container", citation.container());
            map.put("year", citation.year());
            map.put("doi", citation.doi());
            map.put("pmid", citation.pmid());
            map.put("url", citation.url());
            map.put("accessedOn", citation.accessedOn() == null ? null : citation.accessedOn().toString());
            return map;
        }).toList());
        return content;
    }

    public String contentHash() {
        return org.imprimatur.infrastructure.CanonicalJson.sha256Hex(hashedContent());
    }
}
