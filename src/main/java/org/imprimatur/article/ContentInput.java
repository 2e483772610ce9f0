package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Content as a client sends it, the body of create and save, before {@link ContentValidator} has
 * read it: every field holds what was written, so a wrong value (an unknown aspect, say) is reported
 * against its field with all the others, and only valid content becomes an {@link ArticleContent}.
 * Fields that the service owns (id, version, state, hash, review block, ...) are ignored when a
 * client sends a response back as a request, so an editor can never write review dates.
 */
@JsonIgnoreProperties(value = {"id", "version", "state", "publishedVersion", "contentHash", "author",
        "createdAt", "basedOn", "review", "warnings", "etag", "comments", "links", "translationOf"})
public record ContentInput(String slug, String title, String summary, String language, List<String> tags,
                           @Schema(implementation = Audience.class, nullable = true, description = "whom the version is written for; patients when absent") String audience,
                           String disclosures, String authorCredentials, Integer reviewIntervalMonths, String changeNote, List<SectionInput> sections,
                           List<CitationInput> citations,
                           @Schema(nullable = true, description = "the specialty whose reviewer the article needs, from GET /api/v1/specialties;"
                                   + " on create absent or empty for any reviewer; on save absent keeps the article's, empty removes it") String specialty,
                           @Schema(nullable = true, description = "for a translation: the number of the source version this version renders;"
                                   + " absent keeps the one the newest version renders; never an older one (docs/translations.md)") Integer translatedFrom) {

    /** Content as sent before translations: a save of it keeps the source version the translation renders. */
    public ContentInput(String slug, String title, String summary, String language, List<String> tags, String audience,
                        String disclosures, String authorCredentials, Integer reviewIntervalMonths, String changeNote,
                        List<SectionInput> sections, List<CitationInput> citations, String specialty) {
        this(slug, title, summary, language, tags, audience, disclosures, authorCredentials, reviewIntervalMonths, changeNote,
                sections, citations, specialty, null);
    }

    /** The same content in {@code tag}, the language a translation is written in. */
    public ContentInput inLanguage(String tag) {
        return new ContentInput(slug, title, summary, tag, tags, audience, disclosures, authorCredentials, reviewIntervalMonths,
                changeNote, sections, citations, specialty, translatedFrom);
    }

    /** Content as sent before articles had a specialty: a save of it keeps the article's. */
    public ContentInput(String slug, String title, String summary, String language, List<String> tags, String audience,
                        String disclosures, String authorCredentials, Integer reviewIntervalMonths, String changeNote,
                        List<SectionInput> sections, List<CitationInput> citations) {
        this(slug, title, summary, language, tags, audience, disclosures, authorCredentials, reviewIntervalMonths, changeNote,
                sections, citations, null, null);
    }

    /** A section as sent; {@code aspect} is one of {@link HealthAspect}'s names, or absent. */
    public record SectionInput(String key, String heading,
                               @Schema(implementation = HealthAspect.class, nullable = true) String aspect, String body) {
    }

    /** A citation as sent; {@code kind} is one of {@link CitationKind}'s names. */
    public record CitationInput(String key, @Schema(implementation = CitationKind.class) String kind, String title, List<String> authors, String container,
                                Integer year, String doi, String pmid, String url, LocalDate accessedOn) {
    }
}
