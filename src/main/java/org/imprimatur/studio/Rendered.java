package org.imprimatur.studio;

import org.imprimatur.article.ArticleView;
import org.imprimatur.article.Citation;
import org.imprimatur.article.HealthAspect;
import org.imprimatur.delivery.MarkdownRenderer;

import java.util.List;
import java.util.Map;

/**
 * A version as the public will see it: for whom it is written, its author with their credentials,
 * sections rendered by the delivery API's renderer, sources linked, and what the author discloses.
 */
public record Rendered(String title, String summary, String audience, String byline, String disclosures,
                       List<RenderedSection> sections, List<Source> sources) {

    public record RenderedSection(String key, String heading, HealthAspect aspect, String html) {
    }

    /** A citation with where a reader finds it: the DOI resolver, PubMed, or its own address. */
    public record Source(int number, Citation citation, String doiLink, String pubmedLink) {
    }

    public static Rendered of(ArticleView view) {
        Map<String, Integer> numbers = MarkdownRenderer.citationNumbers(view.citations());
        List<RenderedSection> sections = view.sections().stream().map(section -> new RenderedSection(section.key(),
                section.heading(), section.aspect(), MarkdownRenderer.html(section.body(), numbers))).toList();
        List<Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < view.citations().size(); i++) {
            Citation citation = view.citations().get(i);
            sources.add(new Source(i + 1, citation,
                    citation.doi() == null ? null : "https://doi.org/" + citation.doi(),
                    citation.pmid() == null ? null : "https://pubmed.ncbi.nlm.nih.gov/" + citation.pmid() + "/"));
        }
        return new Rendered(view.title(), view.summary(), view.audience().label(), byline(view), view.disclosures(),
                sections, sources);
    }

    /** The author's name with the credentials this version gives them, e.g. "Dr Ada Lee, MRCGP". */
    private static String byline(ArticleView view) {
        String name = view.author() == null || view.author().name() == null ? "" : view.author().name();
        if (view.authorCredentials().isEmpty()) {
            return name;
        }
        return name.isEmpty() ? view.authorCredentials() : name + ", " + view.authorCredentials();
    }
}
