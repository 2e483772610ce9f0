package org.imprimatur.article;

import org.imprimatur.infrastructure.CanonicalJson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editable content of an article: the body of create and save. Fields that the service
 * owns (id, version, state, hash, review block, ...) are ignored when a client sends a response
 * back as a request, so an editor can never write review dates.
 */
@JsonIgnoreProperties(value = {"id", "version", "state", "publishedVersion", "contentHash", "author",
        "createdAt", "basedOn", "review", "warnings", "etag", "comments", "links"})
public record ArticleContent(String slug, String title, String summary, String language, List<String> tags,
                             Integer reviewIntervalMonths, String changeNote, List<Section> sections,
                             List<Citation> citations) {

    public static final String DEFAULT_LANGUAGE = "en";
    public static final int DEFAULT_REVIEW_INTERVAL_MONTHS = 12;

    public ArticleContent withSlug(String newSlug) {
        return new ArticleContent(newSlug, title, summary, language, tags, reviewIntervalMonths, changeNote, sections,
                citations);
    }

    public ArticleContent withChangeNote(String note) {
        return new ArticleContent(slug, title, summary, language, tags, reviewIntervalMonths, note, sections, citations);
    }

    /** The part of the content that readers see; its canonical form is what {@code contentHash} covers. */
    public Map<String, Object> hashedContent() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("summary", summary);
        content.put("language", language);
        content.put("tags", tags);
        content.put("sections", sections.stream().map(section -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", section.key());
            map.put("heading", section.heading());
            map.put("aspect", section.aspect());
            map.put("body", section.body());
            return map;
        }).toList());
        content.put("citations", citations.stream().map(citation -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", citation.key());
            map.put("kind", citation.kind());
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
