package org.imprimatur.delivery;

import org.imprimatur.article.CitationKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live article as a schema.org MedicalWebPage, the shape public health-content APIs serve; which
 * property carries what is in docs/delivery.md, "JSON-LD".
 */
public final class JsonLd {

    private JsonLd() {
    }

    public static Map<String, Object> medicalWebPage(PublishedArticle article, Publisher publisher) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "MedicalWebPage");
        page.put("name", article.title());
        page.put("description", article.summary());
        page.put("inLanguage", article.language());
        page.put("version", article.version());
        page.put("dateModified", article.publishedAt().toString());
        page.put("audience", Map.of("@type", "MedicalAudience", "audienceType", article.audience().schemaOrgAudienceType()));
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("@type", "Organization");
        organization.put("name", publisher.name());
        publisher.url().ifPresent(url -> organization.put("url", url));
        page.put("publisher", organization);
        if (!article.disclosures().isEmpty()) {
            // schema.org has no property for a statement of interests; funding (a Grant) is the one
            // for "funding or sponsorship", and a Grant's description holds the statement as written.
            page.put("funding", Map.of("@type", "Grant", "description", article.disclosures()));
        }
        if (article.review() != null) {
            page.put("lastReviewed", article.review().lastReviewedOn().toString());
            Map<String, Object> reviewer = new LinkedHashMap<>();
            reviewer.put("@type", "Person");
            reviewer.put("name", article.review().reviewedBy().name());
            if (!article.review().reviewedBy().credentials().isBlank()) {
                reviewer.put("honorificSuffix", article.review().reviewedBy().credentials());
            }
            page.put("reviewedBy", reviewer);
        }
        if (!article.tags().isEmpty()) {
            page.put("keywords", String.join(", ", article.tags()));
        }
        if (article.translationOf() != null) {
            page.put("translationOfWork", Map.of("@type", "MedicalWebPage", "url", article.translationOf().url()));
        }
        if (article.translations() != null && !article.translations().isEmpty()) {
            page.put("workTranslation", article.translations().stream().map(translation -> Map.of("@type", "MedicalWebPage",
                    "url", translation.url(), "inLanguage", translation.language())).toList());
        }
        page.put("citation", article.citations().stream().map(JsonLd::citation).toList());
        page.put("hasPart", article.sections().stream().map(JsonLd::part).toList());
        return page;
    }

    private static Map<String, Object> part(PublishedArticle.PublishedSection section) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("@type", "WebPageElement");
        part.put("@id", "#" + section.key());
        if (!section.heading().isEmpty()) {
            part.put("name", section.heading());
        }
        if (section.aspect() != null) {
            part.put("hasHealthAspect", section.aspect().schemaOrgUri());
        }
        part.put("text", MarkdownRenderer.text(section.body()));
        return part;
    }

    private static Map<String, Object> citation(PublishedArticle.PublishedCitation citation) {
        Map<String, Object> work = new LinkedHashMap<>();
        CitationKind kind = citation.kind();
        boolean scholarly = kind != CitationKind.WEB_PAGE && kind != CitationKind.BOOK && kind != CitationKind.OTHER
                && kind != CitationKind.GUIDELINE;
        work.put("@type", scholarly ? "ScholarlyArticle" : kind == CitationKind.BOOK ? "Book" : "CreativeWork");
        work.put("@id", "#ref-" + citation.key());
        work.put("name", citation.title());
        if (!citation.authors().isEmpty()) {
            work.put("author", citation.authors().stream().map(name -> Map.of("@type", "Person", "name", name)).toList());
        }
        if (citation.container() != null) {
            work.put(scholarly ? "isPartOf" : "publisher", Map.of("@type", scholarly ? "Periodical" : "Organization",
                    "name", citation.container()));
        }
        if (citation.year() != null) {
            work.put("datePublished", String.valueOf(citation.year()));
        }
        List<Map<String, Object>> identifiers = new ArrayList<>();
        if (citation.doi() != null) {
            identifiers.add(Map.of("@type", "PropertyValue", "propertyID", "DOI", "value", citation.doi()));
        }
        if (citation.pmid() != null) {
            identifiers.add(Map.of("@type", "PropertyValue", "propertyID", "PMID", "value", citation.pmid()));
        }
        if (!identifiers.isEmpty()) {
            work.put("identifier", identifiers);
        }
        // Every citation names a URL, a DOI or a PMID (docs/content-model.md), so there is always a link.
        work.put("url", Provenance.Source.readerLink(citation.url(), citation.doi(), citation.pmid()));
        return work;
    }
}
