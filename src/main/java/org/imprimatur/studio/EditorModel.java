package org.imprimatur.studio;

import org.imprimatur.article.Audience;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.ContentInput;
import org.imprimatur.article.HealthAspect;
import org.imprimatur.delivery.MarkdownRenderer;
import org.imprimatur.infrastructure.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the editor template shows: the form's values, each field's error beside it (matched by the
 * problem document's field path), and, when asked, each section rendered as the public will see it.
 */
public record EditorModel(ArticleForm form, Map<String, String> errors, List<SectionRow> sections,
                          List<CitationRow> citations, List<HealthAspect> aspects, List<CitationKind> kinds,
                          List<Audience> audiences, List<String> specialties, StudioChecks checks) {

    /** Why a preview shows no findings: the checks read content that could be saved, as a save would. */
    public static final String UNCHECKED = "The checks read the article once it could be saved: press Save to see what stops it.";

    /** @param checked the section's findings and reading figures, when previews were asked for and the content is valid */
    public record SectionRow(int index, int number, boolean last, String key, String heading, String aspect, String body,
                             String keyError, String headingError, String aspectError, String bodyError, String preview,
                             StudioChecks.SectionChecks checked) {
    }

    public record CitationRow(int index, int number, boolean last, String key, String kind, String title, String authors,
                              String container, String year, String doi, String pmid, String url, String accessedOn,
                              Map<String, String> errors) {
    }

    /**
     * @param specialties the names of the admins' list, for the specialty select
     * @param checks      the checks of the form's content for the previews; null when none were asked or it is not valid
     */
    public static EditorModel of(ArticleForm form, List<FieldError> fieldErrors, boolean withPreviews, List<String> specialties,
                                 StudioChecks checks) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : fieldErrors) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        var parsed = form.content();
        var numbers = MarkdownRenderer.numbersOfKeys(parsed.content().citations().stream().map(ContentInput.CitationInput::key).toList());
        List<SectionRow> sections = new ArrayList<>();
        int sectionCount = form.sectionCount();
        for (int i = 0; i < sectionCount; i++) {
            String path = "sections[" + i + "]";
            String body = at(form.sectionBody, i);
            StudioChecks.SectionChecks checked = withPreviews && checks != null && i < checks.sections().size()
                    ? checks.sections().get(i) : null;
            sections.add(new SectionRow(i, i + 1, i == sectionCount - 1, at(form.sectionKey, i), at(form.sectionHeading, i),
                    at(form.sectionAspect, i), body, errors.get(path + ".key"), errors.get(path + ".heading"),
                    errors.get(path + ".aspect"), join(errors.get(path), errors.get(path + ".body")),
                    withPreviews && !body.isBlank() ? MarkdownRenderer.html(body, numbers) : null, checked));
        }
        List<CitationRow> citations = new ArrayList<>();
        int citationCount = form.citationCount();
        for (int i = 0; i < citationCount; i++) {
            String path = "citations[" + i + "]";
            Map<String, String> own = new LinkedHashMap<>();
            for (Map.Entry<String, String> error : errors.entrySet()) {
                if (error.getKey().equals(path)) {
                    own.put("key", error.getValue());
                } else if (error.getKey().startsWith(path + ".")) {
                    own.merge(error.getKey().substring(path.length() + 1).replaceAll("\\[\\d+]$", ""), error.getValue(),
                            (a, b) -> a + "; " + b);
                }
            }
            citations.add(new CitationRow(i, i + 1, i == citationCount - 1, at(form.citationKey, i), at(form.citationKind, i),
                    at(form.citationTitle, i), at(form.citationAuthors, i), at(form.citationContainer, i),
                    at(form.citationYear, i), at(form.citationDoi, i), at(form.citationPmid, i), at(form.citationUrl, i),
                    at(form.citationAccessedOn, i), own));
        }
        return new EditorModel(form, errors, sections, citations,
                List.of(HealthAspect.values()), List.of(CitationKind.values()), List.of(Audience.values()), List.copyOf(specialties),
                withPreviews ? checks : null);
    }

    /** The reading target the previews' figures are held to; empty without checks. */
    public String readingTarget() {
        return checks == null ? "" : checks.target();
    }

    /** What a preview says when it shows no findings; null when the checks ran. */
    public String unchecked() {
        return checks == null ? UNCHECKED : null;
    }

    /** Errors that no field on the page shows, so that none goes unseen. */
    public List<String> otherErrors() {
        List<String> shown = List.of("slug", "title", "summary", "language", "tags", "audience", "disclosures",
                "authorCredentials", "reviewIntervalMonths", "changeNote", "specialty");
        return errors.entrySet().stream()
                .filter(error -> !shown.contains(error.getKey()) && !error.getKey().startsWith("sections[")
                        && !error.getKey().startsWith("citations["))
                .map(error -> error.getKey().equals("$") ? error.getValue() : error.getKey() + ": " + error.getValue()).toList();
    }

    private static String at(List<String> values, int index) {
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }
}
